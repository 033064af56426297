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

  public static LoginInitiation fromParameters(Map<String, String> params) throws LtiException {
    return new LoginInitiation(
        required(params, "iss"),
        required(params, "login_hint"),
        required(params, "target_link_uri"),
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
