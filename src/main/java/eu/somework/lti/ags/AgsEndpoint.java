package eu.somework.lti.ags;

import eu.somework.lti.LtiLaunch;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * The AGS endpoint claim of a launch (AGS 2.0 §3.1,
 * {@code https://purl.imsglobal.org/spec/lti-ags/claim/endpoint}): the scopes the platform offers,
 * the course's line items container ({@code lineitems}) and the link's own line item
 * ({@code lineitem}) when it has one. Kept per resource link, so a background worker can use it.
 */
public record AgsEndpoint(Set<String> scopes, Optional<URI> lineItems, Optional<URI> lineItem) {
  public AgsEndpoint {
    scopes = Set.copyOf(scopes);
  }

  /**
   * From a validated launch's claim.
   *
   * @throws IllegalArgumentException when {@code lineitems} or {@code lineitem} is not a URL
   */
  public static AgsEndpoint of(LtiLaunch.GradeService claim) {
    return new AgsEndpoint(Set.copyOf(claim.scopes()), claim.lineItems().map(URI::create),
        claim.lineItem().map(URI::create));
  }

  /** Whether the platform offers {@code scope} (see {@link AgsScope}). */
  public boolean offers(String scope) {
    return scopes.contains(scope);
  }
}
