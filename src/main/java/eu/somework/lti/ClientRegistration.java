package eu.somework.lti;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the platform answered to the tool's client registration (Dynamic Registration 1.0 §3.6): the
 * client id it gave the tool and the deployment it created, read tolerantly. Platforms echo the
 * request's fields in other shapes than sent (Moodle answers {@code application_type} as a list
 * and its deployment id, a number, as a string); only {@code client_id} is required, and fields the
 * tool does not need are not checked.
 *
 * @param clientId the client id for the tool's registration on this platform
 * @param deploymentId the deployment the platform created with it, when it named one (from the
 *     tool-configuration claim, a string or a number)
 * @param grantedScopes the scopes the platform says it granted (empty when it did not say)
 */
public record ClientRegistration(String clientId, Optional<String> deploymentId, List<String> grantedScopes) {
  private static final String WHAT = "registration answer";
  /** Longest client id and deployment id kept (LTI Core §5.3.3: a deployment id is at most 255). */
  static final int MAX_ID_CHARS = 255;

  public ClientRegistration {
    grantedScopes = List.copyOf(grantedScopes);
  }

  /**
   * Reads the answer's body.
   *
   * @throws LtiException {@link LtiFailure#REGISTRATION_ANSWER_INVALID} when it is not a JSON
   *     object, has no non-blank {@code client_id} (a string or a number), or an id longer than
   *     255 characters
   */
  public static ClientRegistration read(String json) throws LtiException {
    Map<String, Object> answer;
    try {
      answer = ServiceJson.object(json, WHAT);
    } catch (LtiException e) {
      throw invalid("notJson", e.getMessage());
    }
    String clientId = text(answer.get("client_id"))
        .orElseThrow(() -> invalid("noClientId", "The platform's " + WHAT + " names no client_id."));
    Optional<String> deployment = answer.get(ToolDescription.TOOL_CLAIM) instanceof Map<?, ?> tool
        ? text(tool.get("deployment_id"))
        : Optional.empty();
    List<String> scopes;
    try {
      scopes = PlatformConfiguration.words(answer, "scope");
    } catch (LtiException unreadable) {
      scopes = List.of(); // a scope the tool cannot read is one it does not rely on
    }
    if (clientId.length() > MAX_ID_CHARS || deployment.map(d -> d.length() > MAX_ID_CHARS).orElse(false)) {
      throw invalid("idTooLong", "The platform's " + WHAT + ": its client_id or deployment_id is longer than "
          + MAX_ID_CHARS + " characters.", Integer.toString(MAX_ID_CHARS));
    }
    return new ClientRegistration(clientId, deployment, scopes);
  }

  /** A string or a number as text; empty for anything else or blank. */
  private static Optional<String> text(Object value) {
    if (value instanceof String s) {
      return Optional.of(s.strip()).filter(v -> !v.isEmpty());
    }
    if (value instanceof Number n) {
      // JSON numbers arrive as Long or Double: 12 must stay "12", not "12.0"
      return Optional.of(n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : n.toString());
    }
    return Optional.empty();
  }

  /** Coded {@code answer.<code>} ({@link LtiException#coded}), for the registration page's language. */
  private static LtiException invalid(String code, String message, String... arguments) {
    return LtiException.coded(LtiFailure.REGISTRATION_ANSWER_INVALID, "answer." + code, message, arguments);
  }
}
