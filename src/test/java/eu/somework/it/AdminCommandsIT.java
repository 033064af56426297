package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.cli.AdminCommands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar's administrator commands ({@code java -jar somework.jar list-platforms}, ...) against
 * the real tool, run in-process through the launcher's entry point with the environment an
 * administrator sets. The server knows the SHA-256 of {@link #TOKEN} (somework.admin.token-sha256 in
 * arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminCommandsIT {
  /** The administrator token of the test servers (its SHA-256 is in arquillian.xml). */
  static final String TOKEN = AdminConsoleChecks.TOKEN;
  static final Map<String, String> ENV = Map.of("SOMEWORK_ADMIN_TOKEN", TOKEN, "SOMEWORK_ADMIN_URL", MockPlatforms.TOOL);

  @TempDir Path folder;

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  record Run(int exitCode, String out, String err) {}

  static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = AdminCommands.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    Run run = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    assertFalse((run.out() + run.err()).contains(TOKEN), "the token is never printed");
    return run;
  }

  @Test
  void listPlatformsShowsTheConfiguredPlatformsAndTheirDeployments() {
    Run run = run(ENV, "list-platforms");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("ID  "), run.out());
    Matcher platformA = Pattern.compile("(?m)^\\d+ +Mock platform A +" + Pattern.quote(MockPlatforms.issuer("a"))
        + " +client-a1 +FILE +yes +dep-1, dep-2$").matcher(run.out());
    assertTrue(platformA.find(), run.out());
  }

  @Test
  void registerCreatesARegistrationThenUpdatesItAndTheListShowsIt() throws Exception {
    String issuer = MockPlatforms.issuer("admin-cli");
    Path file = Files.writeString(folder.resolve("admin-cli.json"), "{\"name\": \"Platform of the admin commands\","
        + " \"issuer\": \"" + issuer + "\", \"clientId\": \"client-admin-cli\", \"deploymentIds\": [\"d-1\"],"
        + " \"authorizationEndpoint\": \"" + issuer + "/auth\", \"tokenEndpoint\": \"" + issuer + "/token\","
        + " \"jwksUri\": \"" + issuer + "/jwks\"}");
    Run created = run(ENV, "register", "--file", file.toString());
    assertEquals(0, created.exitCode(), created.err());
    Matcher id = Pattern.compile("^Created registration (\\d+) \"Platform of the admin commands\"\\.\\n").matcher(created.out());
    assertTrue(id.find(), created.out());
    try {
      assertTrue(created.out().contains("  deployment ids  d-1\n"), created.out());

      Run updated = run(ENV, "register", "--file", file.toString());
      assertEquals(0, updated.exitCode(), updated.err());
      assertTrue(updated.out().startsWith("Updated registration " + id.group(1) + " "), updated.out());

      Run listed = run(ENV, "list-platforms");
      assertTrue(listed.out().contains("Platform of the admin commands"), listed.out());
    } finally {
      HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(MockPlatforms.TOOL
              + "/admin/api/registrations/" + id.group(1) + "?confirm=client-admin-cli"))
          .header("Authorization", "Bearer " + TOKEN).DELETE().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, deleted.statusCode(), deleted.body());
    }
  }

  @Test
  void registerPrintsTheFieldTheToolRefuses() throws Exception {
    // a whole platform file but for its issuer: the one field the tool can name
    String origin = MockPlatforms.issuer("no-issuer");
    Path file = Files.writeString(folder.resolve("no-issuer.json"), "{\"name\": \"No issuer\", \"clientId\": \"c\","
        + " \"deploymentIds\": [\"1\"], \"authorizationEndpoint\": \"" + origin + "/auth\", \"tokenEndpoint\": \""
        + origin + "/token\", \"jwksUri\": \"" + origin + "/jwks\"}");
    Run run = run(ENV, "register", "--file", file.toString());
    assertEquals(1, run.exitCode(), run.out());
    assertTrue(run.err().startsWith("The tool refused (HTTP 400): "), run.err());
    assertTrue(run.err().contains("issuer"), run.err());
  }

  @Test
  void rotateKeysSaysWhenTheNewKeySignsAndAskingAgainKeepsTheSameRotation() {
    Run first = run(ENV, "rotate-keys");
    assertEquals(0, first.exitCode(), first.err());
    Matcher when = Pattern.compile("signs with it from (\\S+Z) ").matcher(first.out());
    assertTrue(when.find(), first.out());
    assertTrue(first.out().contains("The current key stays published"), first.out());

    Run again = run(ENV, "rotate-keys");
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("signs with it from " + when.group(1) + " "), again.out());
    assertTrue(audit().contains("\"action\":\"KEY_ROTATION_ASKED\",\"actorKind\":\"ADMINISTRATOR\""),
        "the audit log has it");
    assertTrue(audit().contains("\"detail\":\"cli: the next key signs from "), "as done by the command line");
  }

  /** The tool's latest audit events, as its API answers them (JSON). */
  private static String audit() {
    try {
      return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create(MockPlatforms.TOOL + "/admin/api/audit?limit=500"))
          .header("Authorization", "Bearer " + TOKEN).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aWrongTokenIsRefusedWithTheToolsReason() {
    Run run = run(Map.of("SOMEWORK_ADMIN_TOKEN", "not-the-token-0123456789abcdef0123456789abcdef",
        "SOMEWORK_ADMIN_URL", MockPlatforms.TOOL), "list-platforms");
    assertEquals(1, run.exitCode(), run.out());
    assertTrue(run.err().startsWith("The tool refused (HTTP 401): "), run.err());
    assertTrue(run.err().endsWith("Check SOMEWORK_ADMIN_TOKEN.\n"), run.err());
    assertEquals("", run.out());
    assertTrue(audit().contains("\"action\":\"ADMIN_SIGN_IN_FAILED\""), "the audit log has the refusal");
    assertTrue(audit().contains("\"detail\":\"cli: wrong token\""), "by the command line, without the token");
  }
}
