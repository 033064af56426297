package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole launch as a person does it from the built-in simulator: pick a person, launch, and the
 * tool's landing page appears in the iframe — login initiation, authorization, id_token, session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SimulatorFlowIT {
  static final String TOOL = MockPlatforms.TOOL;

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  static Browser.Page launchFromSimulator(Browser browser, String user, String target, String locale) throws Exception {
    Browser.Page page = browser.follow(browser.post(TOOL + "/simulator/launch",
        Map.of("user", user, "target", target, "locale", locale)));
    assertEquals(200, page.status(), page.body());
    String frame = page.body().replaceAll("(?s).*<iframe[^>]*src=\"([^\"]*)\".*", "$1");
    Browser.Page login = browser.get(TOOL + frame);
    Browser.Page authorization = browser.submitForm(login); // tool → 302 → simulator's auth page
    return browser.submitForm(authorization); // id_token → tool → 303 → landing page
  }

  @Test
  void behindAProxyThatPassesItsOwnHostTheConsoleRedirectsToThePublicBaseUrl() throws Exception {
    // nginx's "proxy_set_header Host $host" drops a non-default port: the tool must not build its
    // redirects from the Host it receives, or the browser lands on the proxy's port 80. (The
    // simulator is a platform of its own site, reached under other names in tests: its redirects
    // follow the name it was reached by.)
    RawHttp.Answer console = RawHttp.asHost("proxy.example", "GET", "/admin", null);
    assertEquals(303, console.status(), console.text());
    assertEquals(TOOL + "/admin/sign-in", console.header("Location"));
  }

  @Test
  void studentLaunchLandsOnTheToolAsStudent() throws Exception {
    Browser.Page landing = launchFromSimulator(new Browser(), "sim-student-sam", "rl-module", "en");
    assertEquals(200, landing.status(), landing.body());
    assertTrue(landing.body().contains("Sam Taylor"), landing.body());
    assertEquals("Student", landing.fact("role"));
    assertEquals("Social media at work (demo course)", landing.fact("course"));
    assertEquals("SoMe@Work — the module", landing.fact("link"));
    assertEquals(TOOL + "/simulator", landing.fact("platform"));
  }

  @Test
  void teacherLaunchLandsOnTheToolAsTeacher() throws Exception {
    Browser.Page landing = launchFromSimulator(new Browser(), "sim-teacher-maria", "rl-module", "en");
    assertEquals(200, landing.status(), landing.body());
    assertEquals("Teacher", landing.fact("role"));
    assertTrue(landing.body().contains("Maria Lind"));
  }

  @Test
  void moodleStyleAdministratorIsAdministrator() throws Exception {
    Browser.Page landing = launchFromSimulator(new Browser(), "sim-admin", "rl-module", "en");
    assertEquals("Administrator", landing.fact("role"));
  }

  @Test
  void simulatorPageOffersThePeopleAndTheCourse() throws Exception {
    Browser.Page page = new Browser().get(TOOL + "/simulator");
    assertEquals(200, page.status());
    assertTrue(page.body().contains("Aino Virtanen"));
    assertTrue(page.body().contains("Maria Lind"));
    assertTrue(page.body().contains("Deep Linking"));
  }

  @Test
  void theSimulatorsAuthorizationEndpointRefusesAForeignRedirectUri() throws Exception {
    Browser.Page page = new Browser().get(TOOL + "/simulator/auth?scope=openid&response_type=id_token"
        + "&response_mode=form_post&prompt=none&client_id=somework-simulator&redirect_uri=https%3A%2F%2Fevil.example%2F"
        + "&login_hint=sim-student-sam&state=x&nonce=y");
    assertEquals(400, page.status());
    assertTrue(page.body().contains("redirect_uri"), page.body());
  }

  @Test
  void anAuthorizationWithTheWrongUserIsSentBackAsAnErrorTheToolShows() throws Exception {
    Browser browser = new Browser();
    Browser.Page page = browser.follow(browser.post(TOOL + "/simulator/launch",
        Map.of("user", "sim-student-aino", "target", "rl-module", "locale", "")));
    String frame = page.body().replaceAll("(?s).*<iframe[^>]*src=\"([^\"]*)\".*", "$1");
    Browser.Page login = browser.get(TOOL + frame);
    Map<String, String> fields = Browser.hiddenFields(login);
    fields.put("login_hint", "sim-student-layla");
    Browser.Page authorization = browser.follow(browser.post(TOOL + "/lti/login", fields));
    Browser.Page refused = browser.submitForm(authorization);
    assertEquals(400, refused.status());
    assertTrue(refused.body().contains("login_hint is not the signed-in user"), refused.body());
  }

  @Test
  void anAdministratorCanCheckThatThePlatformGrantsServiceTokens() throws Exception {
    Browser browser = new Browser();
    Browser.Page landing = launchFromSimulator(browser, "sim-admin", "rl-module", "en");
    String check = landing.body().replaceAll("(?s).*href=\"(/app/admin/services[^\"]*)\".*", "$1");
    Browser.Page page = browser.get(TOOL + Browser.unescape(check));
    assertEquals(200, page.status(), page.body());
    // the tool signed a client assertion; the simulator verified it with the tool's published keys
    assertTrue(page.body().contains("data-result=\"granted\""), page.body());
    assertTrue(page.body().contains("https://purl.imsglobal.org/spec/lti-ags/scope/score"));
  }

  @Test
  void aTeacherCannotOpenTheServicesCheck() throws Exception {
    Browser teacher = new Browser();
    Browser.Page landing = launchFromSimulator(teacher, "sim-teacher-maria", "rl-module", "en");
    String token = landing.url().replaceAll(".*[?&]s=([^&]*).*", "$1");
    Browser.Page page = teacher.get(TOOL + "/app/admin/services?s=" + token);
    assertEquals(403, page.status());
    assertTrue(page.body().contains("Only administrators can check the platform’s services."), page.body());
  }

  @Test
  void theSimulatorsTokenEndpointRefusesAnAssertionNotSignedByTheTool() throws Exception {
    com.nimbusds.jose.jwk.RSAKey stranger = MockPlatforms.newKey();
    java.time.Instant now = java.time.Instant.now();
    String assertion = MockPlatforms.sign(stranger, new com.nimbusds.jwt.JWTClaimsSet.Builder()
        .issuer("somework-simulator").subject("somework-simulator").audience(TOOL + "/simulator/token")
        .issueTime(java.util.Date.from(now)).expirationTime(java.util.Date.from(now.plusSeconds(300)))
        .jwtID("j-1").build());
    Browser.Page page = new Browser().acceptJson().post(TOOL + "/simulator/token", Map.of(
        "grant_type", "client_credentials",
        "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        "client_assertion", assertion, "scope", "https://purl.imsglobal.org/spec/lti-ags/scope/score"));
    assertEquals(401, page.status(), page.body());
    assertEquals("invalid_client", page.jsonField("error"));
  }

  @Test
  void theSimulatorsTokenEndpointRefusesOtherGrants() throws Exception {
    Browser.Page page = new Browser().acceptJson().post(TOOL + "/simulator/token",
        Map.of("grant_type", "password", "username", "x", "password", "y"));
    assertEquals(400, page.status());
    assertEquals("unsupported_grant_type", page.jsonField("error"));
  }
}
