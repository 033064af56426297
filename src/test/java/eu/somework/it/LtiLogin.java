package eu.somework.it;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A login initiation sent to the tool as a platform would, and what the tool answered. */
record LtiLogin(Browser.Page answer, Map<String, String> authorizationRequest) {

  static LtiLogin start(Browser browser, String platform, String clientId, String deploymentId) throws Exception {
    return start(browser, platform, clientId, deploymentId, MockPlatforms.TOOL + "/lti/launch");
  }

  /** A login initiation for a link whose target is {@code targetLinkUri} (e.g. a deep-linked unit). */
  static LtiLogin start(Browser browser, String platform, String clientId, String deploymentId, String targetLinkUri)
      throws Exception {
    return startFrom(browser, MockPlatforms.issuer(platform), clientId, deploymentId, targetLinkUri);
  }

  /**
   * A login initiation posted to the instance at {@code instance} (e.g. one of two behind one proxy,
   * {@link SecondInstance}); the link's target is the public base URL's launch, as behind a proxy.
   */
  static LtiLogin start(String instance, Browser browser, String platform, String clientId, String deploymentId)
      throws Exception {
    return startFrom(instance, browser, MockPlatforms.issuer(platform), clientId, deploymentId,
        MockPlatforms.TOOL + "/lti/launch");
  }

  /** A login initiation from the platform of {@code issuer} (e.g. one registered by dynamic registration). */
  static LtiLogin startFrom(Browser browser, String issuer, String clientId, String deploymentId, String targetLinkUri)
      throws Exception {
    return startFrom(MockPlatforms.TOOL, browser, issuer, clientId, deploymentId, targetLinkUri);
  }

  private static LtiLogin startFrom(String instance, Browser browser, String issuer, String clientId,
      String deploymentId, String targetLinkUri) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("iss", issuer);
    form.put("login_hint", "user-hint-42");
    form.put("target_link_uri", targetLinkUri);
    form.put("lti_message_hint", "{\"cmid\":\"7\",\"launchid\":\"ltilaunch7_123\"}");
    if (clientId != null) {
      form.put("client_id", clientId);
    }
    form.put("lti_deployment_id", deploymentId);
    Browser.Page answer = browser.post(instance + "/lti/login", form);
    Map<String, String> query = new HashMap<>();
    String location = answer.header("Location");
    if (location != null && URI.create(location).getRawQuery() != null) {
      for (String pair : URI.create(location).getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return new LtiLogin(answer, query);
  }

  String state() {
    return authorizationRequest.get("state");
  }

  String nonce() {
    return authorizationRequest.get("nonce");
  }

  /** Posts an id_token with this login's state to the tool's redirect URI. */
  Browser.Page launch(Browser browser, String idToken) throws Exception {
    return launch(browser, MockPlatforms.TOOL, idToken);
  }

  /** Posts an id_token with this login's state to the redirect URI of the instance at {@code instance}. */
  Browser.Page launch(Browser browser, String instance, String idToken) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("id_token", idToken);
    form.put("state", state());
    return browser.post(instance + "/lti/launch", form);
  }
}
