package eu.somework.platform;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A registration as a tool administrator sees it (no endpoints, no keys): what the console and
 * the administrators' API list.
 *
 * @param sourceFile the configuration file it was loaded from, for {@link Registration.Origin#FILE}
 */
public record RegistrationSummary(long id, String name, String issuer, String clientId, Registration.Origin origin,
    boolean enabled, Instant updatedAt, List<String> deploymentIds, Optional<String> sourceFile) {

  static RegistrationSummary of(Registration r) {
    return new RegistrationSummary(r.id(), r.name(), r.issuer(), r.clientId(), r.origin(), r.enabled(),
        r.updatedAt(), r.deploymentIds(), r.sourceFile());
  }
}
