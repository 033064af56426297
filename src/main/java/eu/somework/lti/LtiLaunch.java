package eu.somework.lti;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A launch whose id_token passed every check. Immutable; every field is read from a verified
 * claim. {@code subject} is empty for an anonymous launch.
 */
public record LtiLaunch(
    String issuer,
    String clientId,
    String deploymentId,
    Optional<String> subject,
    MessageType messageType,
    List<String> ltiRoles,
    Set<LaunchRole> roles,
    Optional<Context> context,
    Optional<ResourceLink> resourceLink,
    Optional<String> locale,
    Optional<String> displayName,
    Map<String, String> custom,
    Optional<DeepLinkingSettings> deepLinking,
    Optional<GradeService> gradeService,
    Optional<String> membershipsUrl,
    Optional<String> returnUrl,
    String targetLinkUri) {

  public LtiLaunch {
    ltiRoles = List.copyOf(ltiRoles);
    roles = Set.copyOf(roles);
    custom = Map.copyOf(custom);
  }

  /** The course (LTI context) the launch comes from. */
  public record Context(String id, Optional<String> label, Optional<String> title) {}

  /** The placement of the tool in the course. */
  public record ResourceLink(String id, Optional<String> title) {}

  /** The Assignment and Grade Services endpoint claim. */
  public record GradeService(List<String> scopes, Optional<String> lineItems, Optional<String> lineItem) {
    public GradeService {
      scopes = List.copyOf(scopes);
    }
  }

  public boolean isAnonymous() {
    return subject.isEmpty();
  }
}
