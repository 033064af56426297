package eu.somework.lti;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers a login initiation: finds the registration and builds the OIDC authentication request
 * the browser is sent to (Security Framework §5.1.1.2). Immutable and thread-safe.
 */
public final class LoginResponder {
  private final RegistrationDirectory directory;
  private final URI redirectUri;
  private final String toolOrigin;

  /**
   * @param redirectUri the tool's launch URL, registered with every platform
   * @param toolOrigin scheme://host[:port] of the tool; target_link_uri must point there
   */
  public LoginResponder(RegistrationDirectory directory, URI redirectUri, String toolOrigin) {
    this.directory = directory;
    this.redirectUri = redirectUri;
    this.toolOrigin = toolOrigin;
  }

  /** The registration the login is for: by issuer and client id, or the issuer's only one. */
  public PlatformRegistration registrationFor(LoginInitiation login) throws LtiException {
    if (login.clientId().isPresent()) {
      return directory
          .find(login.issuer(), login.clientId().get())
          .orElseThrow(() -> unknownClient(login));
    }
    List<PlatformRegistration> candidates = directory.findByIssuer(login.issuer());
    if (candidates.isEmpty()) {
      throw new LtiException(
          LtiFailure.UNKNOWN_ISSUER,
          "This tool has no registration for the platform '" + login.issuer() + "'.");
    }
    if (candidates.size() > 1) {
      throw new LtiException(
          LtiFailure.AMBIGUOUS_CLIENT,
          "The platform '" + login.issuer() + "' has several registrations of this tool and the"
              + " login request does not say which one (client_id is missing).");
    }
    return candidates.get(0);
  }

  private LtiException unknownClient(LoginInitiation login) {
    if (directory.findByIssuer(login.issuer()).isEmpty()) {
      return new LtiException(
          LtiFailure.UNKNOWN_ISSUER,
          "This tool has no registration for the platform '" + login.issuer() + "'.");
    }
    return new LtiException(
        LtiFailure.UNKNOWN_CLIENT_ID,
        "The platform '" + login.issuer() + "' has no registration of this tool with client id '"
            + login.clientId().orElse("") + "'.");
  }

  /** The URL of the platform's authorization endpoint, with every parameter of the request. */
  public URI authorizationRedirect(
      PlatformRegistration registration, LoginInitiation login, String state, String nonce)
      throws LtiException {
    if (!targetsThisTool(login.targetLinkUri())) {
      throw new LtiException(
          LtiFailure.TARGET_LINK_NOT_OURS,
          "The login request's target_link_uri does not point to this tool.");
    }
    // a deployment the tool does not know would fail at the launch anyway; say so before the
    // browser makes the round trip to the platform
    if (login.deploymentId().isPresent() && !registration.hasDeployment(login.deploymentId().get())) {
      throw new LtiException(
          LtiFailure.UNKNOWN_DEPLOYMENT,
          "The deployment '" + login.deploymentId().get() + "' is not registered for this platform.");
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("scope", "openid");
    query.put("response_type", "id_token");
    query.put("response_mode", "form_post");
    query.put("prompt", "none");
    query.put("client_id", registration.clientId());
    query.put("redirect_uri", redirectUri.toString());
    query.put("login_hint", login.loginHint());
    login.messageHint().ifPresent(hint -> query.put("lti_message_hint", hint));
    query.put("state", state);
    query.put("nonce", nonce);
    String base = registration.authorizationEndpoint().toString();
    return URI.create(base + (base.contains("?") ? "&" : "?") + FormEncoding.encode(query));
  }

  private boolean targetsThisTool(String targetLinkUri) {
    return targetLinkUri.equals(toolOrigin) || targetLinkUri.startsWith(toolOrigin + "/");
  }
}
