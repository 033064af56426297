package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * LTI Dynamic Registration with the built-in simulator as the platform, in Chromium, as an
 * administrator does it: paste the tool's registration URL on the simulator page, see the tool's
 * page say what was registered, close it, and find the new client id in the simulator's list. A
 * student launches through the new registration; after a key rotation launches and service tokens
 * for it still work; switched off it launches nothing, switched on again it does. A used, unknown
 * or expired registration token gets the tool's clear refusal page, and nothing is stored.
 */
@ExtendWith({ArquillianExtension.class, ChromiumPerClass.class})
@RunAsClient
class SimulatorDynamicRegistrationIT {
  static final String TOOL = MockPlatforms.TOOL;
  static final String ISSUER = TOOL + "/simulator";
  /** The key rotation job's period (30 s) with room for a late run, plus the test server's overlap (1 min). */
  private static final Duration ROTATION_LIMIT = Duration.ofSeconds(75 + 60);
  private static Chromium chrome;
  private final AdminApi admin = new AdminApi();

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @Test
  void anAdministratorRegistersTheToolInTheSimulatorAndItsLaunchesGoThroughTheNewRegistration() throws Exception {
    chrome.driver.switchTo().defaultContent();
    chrome.driver.get(TOOL + "/simulator");
    assertEquals(TOOL + "/lti/register", chrome.driver.findElement(By.id("tool-url")).getAttribute("value"),
        "the simulator offers this tool's own registration URL");
    chrome.driver.findElement(By.cssSelector("form.sim-register button[type=submit]")).click();

    chrome.await().until(d -> {
      d.switchTo().defaultContent();
      d.switchTo().frame("registration");
      return !d.findElements(By.id("close-registration")).isEmpty();
    });
    String clientId = chrome.driver.findElement(By.cssSelector("[data-fact=client-id]")).getText();
    String deploymentId = chrome.driver.findElement(By.cssSelector("[data-fact=deployment-id]")).getText();
    assertTrue(clientId.startsWith("sim-dyn-"), clientId);
    chrome.screenshot("simulator-dynamic-registration-done");
    chrome.driver.findElement(By.id("close-registration")).click();
    chrome.driver.switchTo().defaultContent();
    String row = "tr[data-client-id='" + clientId + "']";
    chrome.visible(By.cssSelector(row));
    assertTrue(chrome.driver.findElement(By.cssSelector(row)).getText().contains(deploymentId),
        "the simulator lists the client with its deployment");

    Map<String, Object> stored = admin.registration(ISSUER, clientId).orElseThrow();
    assertEquals("DYNAMIC", stored.get("origin"));
    SimulatorScreen simulator = new SimulatorScreen(chrome, TOOL);
    assertLaunches(simulator, clientId);
    assertEquals(deploymentId, deploymentsOf(clientId).get(0).get("deploymentId"));
    assertTrue(((Number) deploymentsOf(clientId).get(0).get("launches")).longValue() >= 1,
        "the launch went through the registration the tool stored from Dynamic Registration");

    rotateKeys();
    assertLaunches(simulator, clientId);
    assertServiceTokenGranted(clientId);

    admin.switchRegistration(stored.get("id"), false);
    simulator.launchAs(clientId, "sim-student-sam", "rl-module");
    assertTrue(chrome.driver.findElement(By.tagName("main")).getText()
        .contains("This tool is switched off for your platform"), "switched off, the launch is refused");
    admin.switchRegistration(stored.get("id"), true);
    assertLaunches(simulator, clientId);
  }

  @Test
  void aRegistrationTokenWorksOnce() throws Exception {
    String url = startRegistration(false);
    Browser.Page first = new Browser().get(url);
    assertEquals(200, first.status(), first.body());
    int registered = simulatorRegistrations();
    Browser.Page again = new Browser().get(url);
    assertRefused(again, "The registration token was already used");
    assertEquals(registered, simulatorRegistrations(), "the second use stored nothing");
  }

  @Test
  void aTokenThePlatformDidNotIssueIsRefused() throws Exception {
    String url = startRegistration(false).replaceAll("registration_token=[^&]*", "registration_token=not-issued");
    int registered = simulatorRegistrations();
    assertRefused(new Browser().get(url), "The registration token is not one this platform issued");
    assertEquals(registered, simulatorRegistrations(), "nothing was stored");
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    String url = startRegistration(true);
    int registered = simulatorRegistrations();
    assertRefused(new Browser().get(url), "The registration token has expired");
    assertEquals(registered, simulatorRegistrations(), "nothing was stored");
  }

  @Test
  void theRegistrationEndpointAnswersJsonErrorsWithoutAToken() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(ISSUER + "/registration")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("\"error\":\"invalid_token\""), answer.body());
    assertTrue(answer.body().contains("A registration token is required"), answer.body());
  }

  @Test
  void theSimulatorsOpenIdConfigurationNamesItsEndpoints() throws Exception {
    Browser.Page configuration = new Browser().acceptJson().get(ISSUER + "/.well-known/openid-configuration");
    assertEquals(200, configuration.status());
    assertEquals(ISSUER, configuration.jsonField("issuer"));
    assertEquals(ISSUER + "/registration", configuration.jsonField("registration_endpoint"));
    assertEquals(ISSUER + "/token", configuration.jsonField("token_endpoint"));
  }

  /** "Register a tool" on the simulator page over HTTP: the URL its frame opens, token included. */
  static String startRegistration(boolean expired) throws Exception {
    Map<String, String> form = expired ? Map.of("url", TOOL + "/lti/register", "expired", "on")
        : Map.of("url", TOOL + "/lti/register");
    Browser.Page page = new Browser().post(TOOL + "/simulator/register-tool", form);
    assertEquals(200, page.status(), page.body());
    assertEquals("no-store", page.header("Cache-Control"), "the page carries the registration token");
    String url = Browser.unescape(page.body().replaceAll("(?s).*<iframe[^>]*src=\"([^\"]*)\".*", "$1"));
    assertTrue(url.startsWith(TOOL + "/lti/register?openid_configuration="), url);
    return url;
  }

  private void assertLaunches(SimulatorScreen simulator, String clientId) {
    simulator.launchAs(clientId, "sim-student-sam", "rl-module");
    assertEquals("Student", simulator.fact("role"));
    assertEquals(ISSUER, simulator.fact("platform"));
  }

  /** The tool asks the simulator for a service token as the new client (its administrators' check). */
  private static void assertServiceTokenGranted(String clientId) throws Exception {
    Browser browser = new Browser();
    Browser.Page page = browser.follow(browser.post(TOOL + "/simulator/launch",
        Map.of("user", "sim-admin", "target", "rl-module", "locale", "en", "client", clientId)));
    String frame = page.body().replaceAll("(?s).*<iframe[^>]*src=\"([^\"]*)\".*", "$1");
    Browser.Page landing = browser.submitForm(browser.submitForm(browser.get(TOOL + frame)));
    assertEquals(200, landing.status(), landing.body());
    String check = landing.body().replaceAll("(?s).*href=\"(/app/admin/services[^\"]*)\".*", "$1");
    Browser.Page services = browser.get(TOOL + Browser.unescape(check));
    assertTrue(services.body().contains("data-result=\"granted\""), services.body());
    assertTrue(services.body().contains("https://purl.imsglobal.org/spec/lti-ags/scope/score"), services.body());
  }

  private void rotateKeys() throws Exception {
    MockGradebook.await(admin::rotationPending, pending -> !pending, ROTATION_LIMIT, "no rotation pending");
    String next = admin.keyWith("NEXT").orElseThrow();
    admin.rotateKeys();
    MockGradebook.await(() -> admin.keyWith("CURRENT"), current -> current.filter(next::equals).isPresent(),
        ROTATION_LIMIT, "key " + next + " to sign");
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> deploymentsOf(String clientId) throws Exception {
    return (List<Map<String, Object>>) admin.registration(ISSUER, clientId).orElseThrow().get("deployments");
  }

  private int simulatorRegistrations() throws Exception {
    return (int) admin.registrations().stream().filter(r -> ISSUER.equals(r.get("issuer"))).count();
  }

  private static void assertRefused(Browser.Page page, String reason) {
    assertEquals(502, page.status(), page.body());
    assertTrue(page.body().contains("data-result=\"refused\""), page.body());
    assertTrue(page.body().contains(reason), page.body());
    assertFalse(page.body().contains("Exception"), page.body());
  }
}
