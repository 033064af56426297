package eu.somework.grading;

import java.util.Objects;
import java.util.Optional;

/**
 * Whose score goes to which gradebook column: the resource link (registration + deployment + link
 * id, whose stored AGS claim names the line item), the graded unit (to find or create the line item
 * when the claim names none) and the platform's user id ({@code sub}).
 */
public record ScoreTarget(String issuer, String clientId, String deploymentId, String resourceLinkId,
    Optional<String> unitId, String userId) {
  public ScoreTarget {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(deploymentId, "deploymentId");
    Objects.requireNonNull(resourceLinkId, "resourceLinkId");
    Objects.requireNonNull(unitId, "unitId");
    Objects.requireNonNull(userId, "userId");
  }
}
