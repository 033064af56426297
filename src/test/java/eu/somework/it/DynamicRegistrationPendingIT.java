package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.bench.ToolProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code somework.registration.dynamic=pending} through a running tool: the runnable jar
 * ({@code target/somework.jar}) started once with the setting, its own simulator as the platform. A
 * registration from the simulator's "Register a tool" is stored switched off and its closing page
 * says so; a launch through it is refused with {@code REGISTRATION_DISABLED} until an administrator
 * switches it on, and then goes through. ({@code off}, which refuses every start before any platform
 * is asked, is {@code RegistrationResourceTest}'s: the setting comes from the process's system
 * properties or environment, so trying it here would cost a second start.)
 */
class DynamicRegistrationPendingIT {
  private static final int PORT = Integer.getInteger("it.port", 18080) + 3;
  private static final String TOOL = "http://localhost:" + PORT;
  private static final String ISSUER = TOOL + "/simulator";

  @Test
  void aNewRegistrationLaunchesNothingUntilAnAdministratorSwitchesItOn() throws Exception {
    try (ToolProcess tool = ToolProcess.start(RunnableJarIT.JAR, PORT, RunnableJarIT.JAR.resolveSibling("it-pending"),
        Path.of(System.getProperty("it.content.dir", "module-content")), List.of(),
        Map.of("somework.registration.dynamic", "pending",
            "somework.admin.token-sha256", "1b511b3dc8f8bd55303a7dbf34c50810001b3df37b0cc33ea0859b601d001244"))) {
      // not /health/ready: asked while the application is still being deployed, Payara runs the
      // checks on its own thread, and one start here failed to load the content's templates that way
      tool.awaitReady("/simulator", Duration.ofMinutes(4));

      Browser.Page start = new Browser().post(ISSUER + "/register-tool", Map.of("url", TOOL + "/lti/register"));
      assertEquals(200, start.status(), start.body());
      Browser.Page closing = new Browser().get(Browser.unescape(
          start.body().replaceAll("(?s).*<iframe[^>]*src=\"([^\"]*)\".*", "$1")));
      assertEquals(200, closing.status(), closing.body());
      assertTrue(closing.body().contains("data-fact=\"awaiting-approval\">The registration is stored switched off"),
          closing.body());
      String clientId = closing.fact("client-id");
      AdminApi admin = new AdminApi(TOOL);
      Map<String, Object> stored = admin.registration(ISSUER, clientId).orElseThrow();
      assertEquals(Boolean.FALSE, stored.get("enabled"), "stored switched off: " + stored);

      Browser.Page refused = launch(clientId, true);
      assertEquals(403, refused.status(), refused.body());
      assertEquals("REGISTRATION_DISABLED", refused.jsonField("error"), refused.body());

      admin.switchRegistration(stored.get("id"), true);
      Browser.Page landing = launch(clientId, false);
      assertEquals(200, landing.status(), landing.body());
      assertEquals("Student", landing.fact("role"));
    }
  }

  /**
   * Sam's launch from the simulator's demo course through client {@code clientId}: the landing page,
   * or with {@code onlyLogin} the tool's JSON answer to the login initiation.
   */
  private static Browser.Page launch(String clientId, boolean onlyLogin) throws Exception {
    Browser browser = new Browser();
    Browser.Page course = browser.follow(browser.post(ISSUER + "/launch",
        Map.of("user", "sim-student-sam", "target", "rl-module", "locale", "en", "client", clientId)));
    Browser.Page login = browser.get(TOOL + Browser.unescape(
        course.body().replaceAll("(?s).*<iframe[^>]*src=\"([^\"]*)\".*", "$1")));
    return onlyLogin ? browser.acceptJson().submitForm(login) : browser.submitForm(browser.submitForm(login));
  }
}
