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
    String targetLinkUri,
    Optional<ForUser> forUser) {

  public LtiLaunch {
    ltiRoles = List.copyOf(ltiRoles);
    roles = Set.copyOf(roles);
    custom = Map.copyOf(custom);
  }

  /** A launch that is not a submission review (no {@code for_user}). */
  public LtiLaunch(String issuer, String clientId, String deploymentId, Optional<String> subject,
      MessageType messageType, List<String> ltiRoles, Set<LaunchRole> roles, Optional<Context> context,
      Optional<ResourceLink> resourceLink, Optional<String> locale, Optional<String> displayName,
      Map<String, String> custom, Optional<DeepLinkingSettings> deepLinking, Optional<GradeService> gradeService,
      Optional<String> membershipsUrl, Optional<String> returnUrl, String targetLinkUri) {
    this(issuer, clientId, deploymentId, subject, messageType, ltiRoles, roles, context, resourceLink, locale,
        displayName, custom, deepLinking, gradeService, membershipsUrl, returnUrl, targetLinkUri, Optional.empty());
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

  /**
   * The {@code for_user} claim of a submission review request (LTI Submission Review Service 1.0
   * §2): the user whose submission is to be shown. {@code userId} is the platform's id of that user
   * (as in {@code sub}, at most 255 characters); the other fields are optional person fields and
   * that user's LTI roles in the context, as the platform sent them.
   */
  public record ForUser(String userId, Optional<String> personSourcedId, Optional<String> givenName,
      Optional<String> familyName, Optional<String> name, Optional<String> email, List<String> roles) {
    public ForUser {
      roles = List.copyOf(roles);
    }

    /** The name to show: {@code name}, else given and family name joined; empty when none was sent. */
    public Optional<String> displayName() {
      String joined = (givenName.orElse("") + " " + familyName.orElse("")).trim();
      return name.or(() -> joined.isEmpty() ? Optional.empty() : Optional.of(joined));
    }
  }

  /** True for a submission review request: {@link #forUser()} is then present. */
  public boolean isSubmissionReview() {
    return messageType == MessageType.SUBMISSION_REVIEW;
  }

  public boolean isAnonymous() {
    return subject.isEmpty();
  }
}
