package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deep-linking requests from a platform that limits what it accepts (one item at a time, no
 * gradebook columns, or no LTI resource links at all): the tool respects each setting and tells
 * the teacher and the platform what it can do.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeepLinkingSettingsIT {
  static final String RETURN_URL = MockPlatforms.issuer("b") + "/deep-link-return";

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  private static Browser.Page catalogue(Browser browser, Map<String, Object> settings) throws Exception {
    LtiLogin login = LtiLogin.start(browser, "b", "client-b", "1");
    JWTClaimsSet claims = MockPlatforms.resourceLinkLaunch("b", "client-b", "1", login.nonce(), "teacher-1",
            "Instructor")
        .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiDeepLinkingRequest")
        .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", null)
        .claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", settings)
        .build();
    return browser.follow(login.launch(browser, MockPlatforms.sign(MockPlatforms.get().key("b"), claims)));
  }

  private static JWTClaimsSet response(Browser.Page autoPost) throws Exception {
    assertTrue(autoPost.body().contains("action=\"" + RETURN_URL + "\""), autoPost.body());
    SignedJWT jwt = SignedJWT.parse(Browser.hiddenFields(autoPost).get("JWT"));
    JWKSet toolKeys = JWKSet.parse(new Browser().get(MockPlatforms.TOOL + "/.well-known/jwks.json").body());
    RSAKey key = (RSAKey) toolKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertTrue(jwt.verify(new RSASSAVerifier(key)), "signed with a key the tool publishes");
    return jwt.getJWTClaimsSet();
  }

  @Test
  void onePlacementAtATimeWithoutGradebookColumns() throws Exception {
    Browser teacher = new Browser();
    Browser.Page page = catalogue(teacher, Map.of("deep_link_return_url", RETURN_URL,
        "accept_types", List.of("ltiResourceLink"), "accept_multiple", false, "accept_lineitem", false,
        "data", "csrf-and-context-77"));
    assertEquals(200, page.status(), page.body());
    assertTrue(page.body().contains("type=\"radio\" name=\"unit\""), "one unit at a time");
    assertFalse(page.body().contains("name=\"graded\""), "no gradebook option the platform would ignore");
    String token = Browser.hiddenFields(page).get("s");

    Browser.Page unknown = teacher.postRaw(MockPlatforms.TOOL + "/app/deep-linking", Browser.encode(Map.of("s", token,
        "action", "bogus", "unit", "data-protection")));
    assertEquals(400, unknown.status(), "an unknown action answers nothing to the platform");
    assertFalse(unknown.body().contains("name=\"JWT\""), unknown.body());

    Browser.Page two = teacher.postRaw(MockPlatforms.TOOL + "/app/deep-linking", Browser.encode(Map.of("s", token,
        "action", "add")) + "&unit=data-protection&unit=digital-identity");
    assertEquals(400, two.status());
    assertTrue(two.body().contains("only one activity"), two.body());

    Browser.Page one = teacher.postRaw(MockPlatforms.TOOL + "/app/deep-linking", Browser.encode(Map.of("s", token,
        "action", "add", "unit", "data-protection", "graded", "data-protection")));
    JWTClaimsSet answer = response(one);
    assertEquals("client-b", answer.getIssuer());
    assertEquals(List.of(MockPlatforms.issuer("b")), answer.getAudience());
    assertEquals("csrf-and-context-77", answer.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data"));
    List<Object> items = answer.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
    assertEquals(1, items.size());
    Map<?, ?> item = (Map<?, ?>) items.get(0);
    assertEquals(Map.of("unit", "data-protection"), item.get("custom"));
    assertNull(item.get("lineItem"), "no line item for a platform that does not accept them");

    Browser.Page again = teacher.postRaw(MockPlatforms.TOOL + "/app/deep-linking", Browser.encode(Map.of("s", token,
        "action", "all")));
    assertEquals(409, again.status(), "one answer per Deep Linking request: " + again.body());
    assertTrue(again.body().contains("answered already"), again.body());
    assertFalse(again.body().contains("name=\"JWT\""), again.body());
  }

  @Test
  void aPlatformThatTakesNoResourceLinksIsToldWhy() throws Exception {
    Browser teacher = new Browser();
    Browser.Page page = catalogue(teacher, Map.of("deep_link_return_url", RETURN_URL,
        "accept_types", List.of("link", "file")));
    assertEquals(200, page.status(), page.body());
    assertTrue(page.body().contains("does not provide"), page.body());
    Browser.Page back = teacher.post(MockPlatforms.TOOL + "/app/deep-linking",
        Map.of("s", Browser.hiddenFields(page).get("s"), "action", "error"));
    JWTClaimsSet answer = response(back);
    assertTrue(((String) answer.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/errormsg"))
        .contains("does not provide"));
    assertEquals(List.of(), answer.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items"));
  }

  @Test
  void cancellingReturnsNothingAndSaysSo() throws Exception {
    Browser teacher = new Browser();
    Browser.Page page = catalogue(teacher, Map.of("deep_link_return_url", RETURN_URL,
        "accept_types", List.of("ltiResourceLink"), "accept_multiple", true));
    Browser.Page back = teacher.post(MockPlatforms.TOOL + "/app/deep-linking",
        Map.of("s", Browser.hiddenFields(page).get("s"), "action", "cancel"));
    JWTClaimsSet answer = response(back);
    assertEquals(List.of(), answer.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items"));
    assertEquals("No units were added.", answer.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/msg"));
  }
}
