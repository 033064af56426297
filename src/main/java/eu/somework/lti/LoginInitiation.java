package eu.somework.lti;

import java.util.Map;
import java.util.Optional;

/**
 * The third-party login initiation a platform sends to the tool's login URL (Security Framework
 * §5.1.1.1). {@code lti_message_hint} is opaque: it is kept exactly as received.
 */
public record LoginInitiation(
    String issuer,
    String loginHint,
    String targetLinkUri,
    Optional<String> messageHint,
    Optional<String> clientId,
    Optional<String> deploymentId) {

  /**
   * The longest target_link_uri kept with a login: the id_token must repeat it exactly, so it is
   * refused rather than shortened.
   */
  public static final int MAX_TARGET_LINK_URI_CHARS = 1000;

  /**
   * Reads the login initiation's parameters.
   *
   * @throws LtiException {@link LtiFailure#LOGIN_PARAMETER_MISSING} when iss, login_hint or
   *     target_link_uri is missing; {@link LtiFailure#TARGET_LINK_NOT_OURS} when target_link_uri is
   *     longer than {@link #MAX_TARGET_LINK_URI_CHARS}
   */
  public static LoginInitiation fromParameters(Map<String, String> params) throws LtiException {
    String issuer = required(params, "iss");
    String loginHint = required(params, "login_hint");
    String targetLinkUri = required(params, "target_link_uri");
    if (targetLinkUri.length() > MAX_TARGET_LINK_URI_CHARS) {
      throw new LtiException(
          LtiFailure.TARGET_LINK_NOT_OURS,
          "The login request's target_link_uri is longer than " + MAX_TARGET_LINK_URI_CHARS + " characters.");
    }
    return new LoginInitiation(
        issuer,
        loginHint,
        targetLinkUri,
        optional(params, "lti_message_hint"),
        optional(params, "client_id"),
        optional(params, "lti_deployment_id"));
  }

  private static String required(Map<String, String> params, String name) throws LtiException {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      throw new LtiException(
          LtiFailure.LOGIN_PARAMETER_MISSING,
          "The login request from the platform has no '" + name + "' parameter.");
    }
    return value;
  }

  private static Optional<String> optional(Map<String, String> params, String name) {
    String value = params.get(name);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
