package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Launches from registered platforms side by side: two platforms, and two registrations (client
 * ids) of one issuer, each with the login initiation Moodle sends and a signed id_token.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LaunchFlowIT {
  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  static Browser.Page launch(Browser browser, String platform, String clientId, String deployment, String role)
      throws Exception {
    MockPlatforms platforms = MockPlatforms.get();
    LtiLogin login = LtiLogin.start(browser, platform, clientId, deployment);
    assertEquals(302, login.answer().status(), login.answer().body());
    String token = MockPlatforms.sign(platforms.key(platform), MockPlatforms.resourceLinkLaunch(
        platform, clientId, deployment, login.nonce(), "user-" + role, role).build());
    return browser.follow(login.launch(browser, token));
  }

  @Test
  void loginInitiationRedirectsToTheAuthorizationEndpointWithEveryParameter() throws Exception {
    MockPlatforms.get();
    LtiLogin login = LtiLogin.start(new Browser(), "a", "client-a1", "dep-1");
    assertEquals(302, login.answer().status());
    assertTrue(login.answer().header("Location").startsWith(MockPlatforms.issuer("a") + "/auth?"));
    Map<String, String> q = login.authorizationRequest();
    assertEquals("openid", q.get("scope"));
    assertEquals("id_token", q.get("response_type"));
    assertEquals("form_post", q.get("response_mode"));
    assertEquals("none", q.get("prompt"));
    assertEquals("client-a1", q.get("client_id"));
    assertEquals(MockPlatforms.TOOL + "/lti/launch", q.get("redirect_uri"));
    assertEquals("user-hint-42", q.get("login_hint"));
    assertEquals("{\"cmid\":\"7\",\"launchid\":\"ltilaunch7_123\"}", q.get("lti_message_hint"));
    assertNotNull(q.get("state"));
    assertNotNull(q.get("nonce"));
    String cookie = login.answer().header("Set-Cookie");
    assertTrue(cookie.contains("SameSite=None") && cookie.contains("Secure") && cookie.contains("Partitioned"), cookie);
  }

  @Test
  void teacherFromPlatformALandsAsTeacher() throws Exception {
    Browser.Page landing = launch(new Browser(), "a", "client-a1", "dep-2", "Instructor");
    assertEquals(200, landing.status(), landing.body());
    assertEquals("Teacher", landing.fact("role"));
    assertEquals("Course on A", landing.fact("course"));
    assertEquals(MockPlatforms.issuer("a"), landing.fact("platform"));
    // the registered platforms may frame the tool: no X-Frame-Options, CSP frame-ancestors instead
    assertEquals(null, landing.header("X-Frame-Options"));
    String csp = landing.header("Content-Security-Policy");
    String platformOrigin = "http://localhost:" + MockPlatforms.PORT;
    assertTrue(csp.contains("frame-ancestors 'self' "), csp);
    assertTrue(directive(csp, "frame-ancestors").contains(" " + platformOrigin), csp);
    assertTrue(directive(csp, "form-action").contains(" " + platformOrigin), csp);
    assertFalse(csp.contains("*"), "not any site: " + csp);
  }

  static String directive(String csp, String name) {
    for (String d : csp.split(";")) {
      if (d.trim().startsWith(name + " ")) {
        return d.trim() + " ";
      }
    }
    return "";
  }

  @Test
  void courseMentorWhoIsAnInstitutionInstructorDoesNotGetTheTeachersView() throws Exception {
    MockPlatforms platforms = MockPlatforms.get();
    Browser browser = new Browser();
    LtiLogin login = LtiLogin.start(browser, "b", "client-b", "1");
    String token = MockPlatforms.sign(platforms.key("b"), MockPlatforms.resourceLinkLaunch(
        "b", "client-b", "1", login.nonce(), "user-mentor", "Mentor")
        .claim("https://purl.imsglobal.org/spec/lti/claim/roles", java.util.List.of(
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor",
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor")).build());
    Browser.Page landing = browser.follow(login.launch(browser, token));
    assertEquals(200, landing.status(), landing.body());
    assertEquals("Guest (read-only)", landing.fact("role"), "a Mentor is no teacher here");
  }

  @Test
  void studentOfTheSecondRegistrationOfTheSameIssuerLandsAsStudent() throws Exception {
    Browser.Page landing = launch(new Browser(), "a", "client-a2", "dep-9", "Learner");
    assertEquals(200, landing.status(), landing.body());
    assertEquals("Student", landing.fact("role"));
  }

  @Test
  void studentFromPlatformBLandsAsStudentInTheSameBrowserAsATeacherOfPlatformA() throws Exception {
    Browser browser = new Browser();
    assertEquals("Teacher", launch(browser, "a", "client-a1", "dep-1", "Instructor").fact("role"));
    Browser.Page landing = launch(browser, "b", "client-b", "1", "Learner");
    assertEquals("Student", landing.fact("role"));
    assertEquals("Course on B", landing.fact("course"));
  }

  @Test
  void loginWithoutClientIdUsesTheIssuersOnlyRegistration() throws Exception {
    MockPlatforms.get();
    LtiLogin login = LtiLogin.start(new Browser(), "b", null, "1");
    assertEquals(302, login.answer().status());
    assertEquals("client-b", login.authorizationRequest().get("client_id"));
  }

  @Test
  void loginByGetWorksToo() throws Exception {
    MockPlatforms.get();
    Browser.Page answer = new Browser().get(MockPlatforms.TOOL + "/lti/login?iss="
        + java.net.URLEncoder.encode(MockPlatforms.issuer("b"), "UTF-8")
        + "&login_hint=u1&target_link_uri=" + java.net.URLEncoder.encode(MockPlatforms.TOOL + "/app", "UTF-8"));
    assertEquals(302, answer.status());
  }

  @Test
  void aSessionTokenThatWasTamperedWithIsRefused() throws Exception {
    Browser browser = new Browser();
    Browser.Page landing = launch(browser, "b", "client-b", "1", "Learner");
    String url = landing.url();
    String tampered = url.substring(0, url.length() - 3) + (url.endsWith("AAA") ? "BBB" : "AAA");
    Browser.Page refused = browser.get(tampered);
    assertEquals(401, refused.status());
  }

  @Test
  void theToolPublishesItsCurrentAndNextKeys() throws Exception {
    Browser.Page jwks = new Browser().get(MockPlatforms.TOOL + "/.well-known/jwks.json");
    assertEquals(200, jwks.status());
    com.nimbusds.jose.jwk.JWKSet set = com.nimbusds.jose.jwk.JWKSet.parse(jwks.body());
    // CURRENT and NEXT, and a PREVIOUS not yet withdrawn when another test class rotated shortly before
    int published = set.getKeys().size();
    assertTrue(published == 2 || published == 3, published + " keys published");
    for (com.nimbusds.jose.jwk.JWK key : set.getKeys()) {
      assertNotNull(key.getKeyID());
      assertEquals("RS256", key.getAlgorithm().getName());
      assertEquals("sig", key.getKeyUse().getValue());
      assertTrue(!key.isPrivate(), "only public keys are published");
      assertTrue(((com.nimbusds.jose.jwk.RSAKey) key).size() >= 2048);
    }
  }

  @Test
  void twoLoginsStartedAtTheSameMomentInOneBrowserBothComplete() throws Exception {
    MockPlatforms platforms = MockPlatforms.get();
    Browser browser = new Browser();
    // two tool links on one course page: both login initiations before either launch
    LtiLogin first = LtiLogin.start(browser, "a", "client-a1", "dep-1");
    LtiLogin second = LtiLogin.start(browser, "a", "client-a1", "dep-1");
    String secondToken = MockPlatforms.sign(platforms.key("a"), MockPlatforms.resourceLinkLaunch(
        "a", "client-a1", "dep-1", second.nonce(), "user-two-tabs", "Learner").build());
    String firstToken = MockPlatforms.sign(platforms.key("a"), MockPlatforms.resourceLinkLaunch(
        "a", "client-a1", "dep-1", first.nonce(), "user-two-tabs", "Learner").build());
    Browser.Page secondLanding = browser.follow(second.launch(browser, secondToken));
    Browser.Page firstLanding = browser.follow(first.launch(browser, firstToken));
    assertEquals(200, firstLanding.status(), firstLanding.body());
    assertEquals(200, secondLanding.status(), secondLanding.body());
    assertEquals("Student", firstLanding.fact("role"));
    assertEquals("Student", secondLanding.fact("role"));
    // and each tab's session still opens its pages afterwards
    assertEquals(200, browser.get(firstLanding.url()).status());
    assertEquals(200, browser.get(secondLanding.url()).status());
  }
}
