package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * LTI Dynamic Registration against a Moodle stand-in ({@link MockMoodle}), the way an administrator
 * does it: Moodle opens {@code /lti/register} with its configuration URL and a registration token;
 * the tool registers, stores the client id and deployment, and a launch through the new
 * registration works. Registering the same client again updates it; a new client id of the same
 * platform is a second registration; every refusal is a clear page and stores nothing.
 */
@ExtendWith({ArquillianExtension.class, ChromiumPerClass.class})
@RunAsClient
class DynamicRegistrationIT {
  static final String TOOL = MockPlatforms.TOOL;
  static MockMoodle moodle;
  private static Chromium chrome;

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @BeforeAll
  static void startMoodle() throws Exception {
    moodle = new MockMoodle();
  }

  @AfterAll
  static void stopMoodle() {
    moodle.close();
  }

  static String configurationUrl(String host, String prefix) {
    return MockMoodle.origin(host) + prefix + "/mod/lti/openid-configuration.php";
  }

  static Browser.Page register(String configurationUrl, String token) throws Exception {
    String url = TOOL + "/lti/register?openid_configuration=" + URLEncoder.encode(configurationUrl, StandardCharsets.UTF_8)
        + (token == null ? "" : "&registration_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    return new Browser().get(url);
  }

  /** A student's launch through the registration: login initiation, then a signed id_token. */
  static Browser.Page launch(String issuer, String clientId, String deploymentId) throws Exception {
    Browser browser = new Browser();
    LtiLogin login = LtiLogin.startFrom(browser, issuer, clientId, deploymentId, TOOL + "/lti/launch");
    assertEquals(302, login.answer().status(), login.answer().body());
    assertTrue(login.answer().header("Location").startsWith(issuer + "/mod/lti/auth.php?"),
        login.answer().header("Location"));
    String token = MockPlatforms.sign(moodle.key(), MockPlatforms.resourceLinkLaunch("a", clientId, deploymentId,
        login.nonce(), "student-" + deploymentId, "Learner").issuer(issuer).build());
    return browser.follow(login.launch(browser, token));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> toolClaim(Map<String, Object> request) {
    return (Map<String, Object>) request.get("https://purl.imsglobal.org/spec/lti-tool-configuration");
  }

  @Test
  void moodleRegistersTheToolAndAStudentLaunchesThroughTheNewRegistration() throws Exception {
    String issuer = MockMoodle.origin("localhost");
    Browser.Page page = register(configurationUrl("localhost", ""), moodle.issueToken("token-first", "moodle-client-1"));

    assertEquals(200, page.status(), page.body());
    assertEquals("moodle-client-1", page.fact("client-id"));
    String deployment = page.fact("deployment-id");
    assertNotNull(deployment, page.body());
    assertTrue(page.fact("pending").contains("Site administration → Plugins"), "Moodle may leave the tool pending");
    assertTrue(page.body().contains("<script src=\"/static/registration-close.js\">"), page.body());
    assertEquals("no-store", page.header("Cache-Control"), "the URL carries the registration token");
    assertTrue(LaunchFlowIT.directive(page.header("Content-Security-Policy"), "frame-ancestors").contains(" " + issuer + " "),
        "the platform's registration window may show the page: " + page.header("Content-Security-Policy"));

    Map<String, Object> sent = moodle.registrationRequests().get(moodle.registrationRequests().size() - 1);
    assertEquals("web", sent.get("application_type"));
    assertEquals(TOOL + "/lti/login", sent.get("initiate_login_uri"));
    assertEquals(List.of(TOOL + "/lti/launch"), sent.get("redirect_uris"));
    assertEquals(TOOL + "/.well-known/jwks.json", sent.get("jwks_uri"));
    assertFalse(((String) sent.get("scope")).contains("toolsetting"), "only the AGS and NRPS scopes: " + sent.get("scope"));
    assertEquals(List.of("iss", "sub", "name", "given_name", "family_name", "email"), toolClaim(sent).get("claims"));

    Browser.Page landing = launch(issuer, "moodle-client-1", deployment);
    assertEquals(200, landing.status(), landing.body());
    assertEquals("Student", landing.fact("role"));
    assertTrue(new AdminApi().auditEvents().stream().anyMatch(e -> "REGISTRATION_ADDED".equals(e.get("action"))
            && issuer.equals(e.get("issuer")) && "moodle-client-1".equals(e.get("clientId"))
            && "ADMINISTRATOR".equals(e.get("actorKind")) && ((String) e.get("detail")).startsWith("dynamic registration: ")),
        "the registration is in the audit log");
  }

  @Test
  void registeringTheSameClientAgainUpdatesAndANewClientIdIsASecondRegistration() throws Exception {
    String issuer = MockMoodle.origin("127.0.0.1");
    String token = moodle.issueToken("token-again", "moodle-client-2");
    Browser.Page first = register(configurationUrl("127.0.0.1", ""), token);
    assertEquals(200, first.status(), first.body());
    assertEquals(null, first.fact("updated"));
    Browser.Page again = register(configurationUrl("127.0.0.1", ""), token);
    assertEquals(200, again.status(), again.body());
    assertNotNull(again.fact("updated"), "the page says the registration was updated");

    // one registration of this issuer: a login without client_id finds it; both deployments launch
    LtiLogin withoutClient = LtiLogin.startFrom(new Browser(), issuer, null, first.fact("deployment-id"),
        TOOL + "/lti/launch");
    assertEquals(302, withoutClient.answer().status(), withoutClient.answer().body());
    assertEquals("moodle-client-2", withoutClient.authorizationRequest().get("client_id"));
    assertEquals(200, launch(issuer, "moodle-client-2", first.fact("deployment-id")).status());
    assertEquals(200, launch(issuer, "moodle-client-2", again.fact("deployment-id")).status());

    Browser.Page second = register(configurationUrl("127.0.0.1", ""), moodle.issueToken("token-other", "moodle-client-3"));
    assertEquals(200, second.status(), second.body());
    assertEquals(null, second.fact("updated"));
    LtiLogin ambiguous = LtiLogin.startFrom(new Browser(), issuer, null, second.fact("deployment-id"),
        TOOL + "/lti/launch");
    assertEquals(400, ambiguous.answer().status(), "two registrations now: the login must name its client id");
    assertEquals(200, launch(issuer, "moodle-client-3", second.fact("deployment-id")).status());
  }

  @Test
  void issuerOnAnotherSiteThanTheConfigurationIsRefusedAndNothingIsRegistered() throws Exception {
    int asked = moodle.registrationRequests().size();
    Browser.Page page = register(configurationUrl("127.0.0.1", "/wrong-issuer"), moodle.issueToken("token-wi", "wi"));
    assertEquals(502, page.status());
    assertTrue(page.body().contains("is not on the configuration URL"), page.body());
    assertEquals(asked, moodle.registrationRequests().size(), "the platform was not asked to register anything");
    assertNoLeak(page);
  }

  @Test
  void plainHttpConfigurationOffLoopbackIsRefusedWithoutAsking() throws Exception {
    Browser.Page page = register("http://moodle.example.edu/mod/lti/openid-configuration.php", "t");
    assertEquals(400, page.status());
    assertTrue(page.body().contains("must use https"), page.body());
    assertNoLeak(page);
  }

  @Test
  void startWithoutConfigurationUrlIsRefused() throws Exception {
    Browser.Page page = new Browser().get(TOOL + "/lti/register");
    assertEquals(400, page.status());
    assertTrue(page.body().contains("openid_configuration"), page.body());
  }

  @Test
  void oneAddressStartingRegistrationAfterRegistrationIsSlowedDown() throws Exception {
    // from an address of its own, so the other tests' starts do not count
    for (int i = 0; i < 20; i++) {
      assertEquals(400, RawHttp.get("127.0.0.9", "/lti/register").status(), "start " + (i + 1) + " is answered");
    }
    RawHttp.Answer refused = RawHttp.get("127.0.0.9", "/lti/register");
    assertEquals(429, refused.status());
    assertNotNull(refused.header("Retry-After"));
    assertEquals(400, RawHttp.get("127.0.0.10", "/lti/register").status(), "another address is not slowed down");
  }

  @Test
  void platformRefusalIsShownWithItsMessageEscaped() throws Exception {
    Browser.Page page = register(configurationUrl("localhost", "/refusing"), moodle.issueToken("token-refused", "r"));
    assertEquals(502, page.status());
    assertTrue(page.body().contains("invalid_redirect_uris &lt;b&gt;not https&lt;/b&gt;"), page.body());
    assertFalse(page.body().contains("<b>not https"), "the platform's text is not HTML of the page");
    assertFalse(page.body().contains("token-refused"), "the registration token is not shown");
    assertNoLeak(page);
  }

  @Test
  void registrationWithoutTokenIsRefusedByMoodleAndTheToolSaysSo() throws Exception {
    Browser.Page page = register(configurationUrl("localhost", ""), null);
    assertEquals(502, page.status());
    assertTrue(page.body().contains("missing_registration_token"), page.body());
    LtiLogin nothingStored = LtiLogin.startFrom(new Browser(), MockMoodle.origin("localhost"), "nobody", "1",
        TOOL + "/lti/launch");
    assertEquals(403, nothingStored.answer().status());
  }

  @Test
  void inMoodlesRegistrationFrameTheCloseButtonTellsMoodleToClose() {
    chrome.driver.get(MockMoodle.origin("localhost") + "/admin/manage-tools?"
        + moodle.issueToken("token-browser", "moodle-client-browser"));
    chrome.await().until(d -> {
      d.switchTo().defaultContent();
      d.switchTo().frame("registration");
      return !d.findElements(By.id("close-registration")).isEmpty();
    });
    assertEquals("moodle-client-browser", chrome.driver.findElement(By.cssSelector("[data-fact=client-id]")).getText(),
        "the platform's frame shows the page (frame-ancestors allows the platform)");
    chrome.screenshot("dynamic-registration-done");
    chrome.driver.findElement(By.id("close-registration")).click();
    chrome.driver.switchTo().defaultContent();
    chrome.await().until(d -> d.findElement(By.id("heard")).getText().equals("org.imsglobal.lti.close"));
  }

  @Test
  void closeScriptPostsTheCloseMessageToTheOpenerOrParent() throws Exception {
    Browser.Page script = new Browser().get(TOOL + "/static/registration-close.js");
    assertEquals(200, script.status());
    assertTrue(script.body().contains("{subject: 'org.imsglobal.lti.close'}, '*'"), script.body());
    assertTrue(script.body().contains("window.opener || "), script.body());
  }

  static void assertNoLeak(Browser.Page page) {
    for (String leak : List.of("Exception", "\tat ", "eyJ", "jdbc:")) {
      assertFalse(page.body().contains(leak), leak + " in " + page.body());
    }
  }
}
