package eu.somework.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands over HTTP against a stand-in of the administrator API ({@link AdminApiStandIn}):
 * what they send, what they print, and their exit codes (0 done, 1 refused, 2 usage, 3 unreachable).
 * No output ever holds the token.
 */
class AdminCommandsTest {
  static final String PLATFORM = """
      {"name": "Example Moodle", "issuer": "https://moodle.example.edu", "clientId": "client-7",
       "deploymentIds": ["1", "2"], "authorizationEndpoint": "https://moodle.example.edu/mod/lti/auth.php",
       "tokenEndpoint": "https://moodle.example.edu/mod/lti/token.php",
       "jwksUri": "https://moodle.example.edu/mod/lti/certs.php"}
      """;

  AdminApiStandIn tool;
  @TempDir Path folder;

  @BeforeEach
  void start() throws IOException {
    tool = new AdminApiStandIn();
  }

  @AfterEach
  void stop() {
    tool.close();
  }

  Map<String, String> env() {
    return Map.of("SOMEWORK_ADMIN_TOKEN", AdminApiStandIn.TOKEN, "SOMEWORK_ADMIN_URL", tool.url());
  }

  CommandRun run(String... args) {
    CommandRun run = CommandRun.of(env(), args);
    assertFalse(run.printed().contains(AdminApiStandIn.TOKEN), "the token is never printed");
    return run;
  }

  Path platformFile(String json) throws IOException {
    return Files.writeString(folder.resolve("platform.json"), json);
  }

  @Test
  void listPlatformsSendsTheTokenAndPrintsTheRegistrations() {
    tool.addRegistration(Json.createObjectBuilder().add("id", 3).add("name", "Example Moodle")
        .add("issuer", "https://moodle.example.edu").add("clientId", "client-7").add("origin", "FILE")
        .add("enabled", true).add("updatedAt", "2026-12-01T10:00:00Z")
        .add("deployments", Json.createArrayBuilder().add(Json.createObjectBuilder().add("deploymentId", "1"))).build());
    CommandRun run = run("list-platforms");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    assertTrue(run.out().contains("3   Example Moodle  https://moodle.example.edu  client-7   FILE    yes      1"), run.out());
    assertTrue(run.out().endsWith("1 registration\n"), run.out());
    assertEquals(List.of(new AdminApiStandIn.Request("GET", "/admin/api/registrations",
        "Bearer " + AdminApiStandIn.TOKEN, "")), tool.requests());
  }

  @Test
  void listPlatformsWithNoneSaysHowToRegisterOne() {
    CommandRun run = run("list-platforms");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("No platform is registered. Register one with: java -jar somework.jar register"), run.out());
  }

  @Test
  void aWrongTokenIsRefusedWithTheToolsReason() {
    CommandRun run = CommandRun.of(Map.of("SOMEWORK_ADMIN_TOKEN", "wrong-token-0123456789abcdef0123456789abcdef",
        "SOMEWORK_ADMIN_URL", tool.url()), "list-platforms");
    assertEquals(1, run.exitCode());
    assertEquals("The tool refused (HTTP 401): The administrator token is missing or wrong. Check SOMEWORK_ADMIN_TOKEN.\n",
        run.err());
    assertFalse(run.printed().contains("wrong-token-0123456789abcdef"));
    assertEquals("", run.out());
  }

  @Test
  void aToolWithoutATokenHashSaysWhatToConfigure() throws IOException {
    try (AdminApiStandIn unconfigured = new AdminApiStandIn(false)) {
      CommandRun run = CommandRun.of(Map.of("SOMEWORK_ADMIN_TOKEN", AdminApiStandIn.TOKEN), "list-platforms",
          "--url", unconfigured.url());
      assertEquals(1, run.exitCode());
      assertTrue(run.err().contains("The administrator API is not configured: set somework.admin.token-sha256."), run.err());
    }
  }

  @Test
  void withoutTheTokenVariableNothingIsSent() {
    CommandRun run = CommandRun.of(Map.of("SOMEWORK_ADMIN_URL", tool.url()), "list-platforms");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("Set the environment variable SOMEWORK_ADMIN_TOKEN"), run.err());
    assertEquals(List.of(), tool.requests());
  }

  @Test
  void anUnreachableToolNamesTheUrlAndSaysToCheckThatItRuns() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CommandRun run = CommandRun.of(Map.of("SOMEWORK_ADMIN_TOKEN", AdminApiStandIn.TOKEN), "list-platforms", "--url",
        "http://localhost:" + closedPort);
    assertEquals(3, run.exitCode());
    assertEquals("Cannot reach the tool at http://localhost:" + closedPort + " (connection refused): check that the"
        + " tool runs, and that --url or SOMEWORK_ADMIN_URL names its base URL\n", run.err());
  }

  @Test
  void aUrlThatIsNotTheToolIsSaidToHaveNoAdministratorApi() {
    tool.answerNext(404, "text/html", "<html>Not Found</html>", Map.of());
    CommandRun run = run("list-platforms");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("The tool at " + tool.url() + " has no administrator API (HTTP 404 for"
        + " /admin/api/registrations)"), run.err());
  }

  @Test
  void aRedirectIsNotFollowedSoTheTokenGoesNowhereElse() {
    tool.answerNext(301, "text/html", "", Map.of("Location", "https://elsewhere.example.org/admin/api/registrations"));
    CommandRun run = run("list-platforms");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("redirects to https://elsewhere.example.org/admin/api/registrations"), run.err());
    assertEquals(1, tool.requests().size());
  }

  @Test
  void tooManyAttemptsSayWhenToTryAgain() {
    tool.answerNext(429, "application/json", "{\"error\": \"Too many failed attempts from your address.\"}",
        Map.of("Retry-After", "60"));
    CommandRun run = run("list-platforms");
    assertEquals(1, run.exitCode());
    assertEquals("The tool refused (HTTP 429): Too many failed attempts from your address. Try again in 60 s.\n", run.err());
  }

  @Test
  void anAnswerThatSaysWhenToTryAgainIsNotRepeated() {
    tool.answerNext(429, "application/json", "{\"error\": \"Too many failed attempts from your address. Wait 60"
        + " seconds, then try again.\"}", Map.of("Retry-After", "60"));
    CommandRun run = run("list-platforms");
    assertEquals(1, run.exitCode());
    assertEquals("The tool refused (HTTP 429): Too many failed attempts from your address. Wait 60 seconds, then try"
        + " again.\n", run.err());
  }

  @Test
  void aConflictPrintsTheToolsError() throws IOException {
    tool.answerNext(409, "application/json", "{\"error\": \"Remove the file lti-config/platforms/moodle.json first.\"}",
        Map.of());
    CommandRun run = run("register", "--file", platformFile(PLATFORM).toString());
    assertEquals(1, run.exitCode());
    assertEquals("The tool refused (HTTP 409): Remove the file lti-config/platforms/moodle.json first.\n", run.err());
  }

  @Test
  void anAnswerWithoutExplanationSaysSo() {
    tool.answerNext(502, "text/html", "<html>Bad Gateway</html>", Map.of());
    CommandRun run = run("rotate-keys");
    assertEquals(1, run.exitCode());
    assertEquals("The tool at " + tool.url() + " answered HTTP 502 without saying why\n", run.err());
  }

  @Test
  void registerCreatesThenUpdatesAndPrintsTheRegistration() throws IOException {
    Path file = platformFile(PLATFORM);
    CommandRun created = run("register", "--file", file.toString());
    assertEquals(0, created.exitCode(), created.err());
    assertTrue(created.out().startsWith("Created registration 1 \"Example Moodle\".\n"), created.out());
    assertTrue(created.out().contains("  issuer          https://moodle.example.edu\n"), created.out());
    assertTrue(created.out().contains("  deployment ids  1, 2\n"), created.out());
    assertEquals(PLATFORM, tool.requests().get(0).body(), "the file is sent as it is");

    CommandRun updated = run("register", "--file=" + file);
    assertEquals(0, updated.exitCode(), updated.err());
    assertTrue(updated.out().startsWith("Updated registration 1 \"Example Moodle\" (same issuer and client id).\n"),
        updated.out());
  }

  @Test
  void registerPrintsTheFieldTheToolRefuses() throws IOException {
    Path file = platformFile("{\"name\": \"No issuer\", \"clientId\": \"c\"}");
    CommandRun run = run("register", "--file", file.toString());
    assertEquals(1, run.exitCode());
    assertEquals("The tool refused (HTTP 400): The platform's field \"issuer\" is missing.\n", run.err());
  }

  @Test
  void registerChecksTheFileBeforeSendingAnything() throws IOException {
    CommandRun missing = run("register", "--file", folder.resolve("missing.json").toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().startsWith("No platform file " + folder.resolve("missing.json")), missing.err());

    CommandRun notJson = run("register", "--file", platformFile("{\"name\": \"Moodle\",").toString());
    assertEquals(2, notJson.exitCode());
    assertTrue(notJson.err().startsWith(folder.resolve("platform.json") + " is not JSON: "), notJson.err());

    CommandRun array = run("register", "--file", platformFile("[1, 2]").toString());
    assertEquals(2, array.exitCode());
    assertTrue(array.err().contains("holds a JSON array, not a platform object"), array.err());

    CommandRun folderInstead = run("register", "--file", folder.toString());
    assertEquals(2, folderInstead.exitCode());
    assertTrue(folderInstead.err().endsWith(" is not a file\n"), folderInstead.err());

    assertEquals(List.of(), tool.requests(), "nothing reaches the tool");
  }

  @Test
  void rotateKeysSaysWhenTheNewKeySignsAndThatTheOldOneStaysPublished() {
    CommandRun run = run("rotate-keys");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("Key rotation scheduled: the tool publishes its next signing key now and signs"
        + " with it from 2026-12-02T08:00:00Z (in 60 minutes).\n"), run.out());
    assertTrue(run.out().contains("The current key stays published until everything it signed has expired"), run.out());
    assertEquals(List.of("POST /admin/api/keys/rotation"), AdminApiStandIn.paths(tool.requests()));
  }

  @Test
  void helpNeedsNoTokenAndSendsNothing() {
    CommandRun run = CommandRun.of(Map.of(), "help");
    assertEquals(0, run.exitCode());
    for (String expected : List.of("list-platforms", "register --file <file>", "rotate-keys", "SOMEWORK_ADMIN_TOKEN",
        "SOMEWORK_ADMIN_URL", "--url <url>", "Exit codes: 0 done, 1 the tool refused", "java -jar somework.jar --port 8080")) {
      assertTrue(run.out().contains(expected), expected);
    }
    assertEquals(List.of(), tool.requests());
  }

  @Test
  void aTokenGivenAsAnArgumentIsRefusedUnprintedAndNothingIsSent() {
    CommandRun run = run("list-platforms", "--token", AdminApiStandIn.TOKEN);
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("every user of this machine can read a command's arguments (ps)"), run.err());
    assertEquals(List.of(), tool.requests());
  }
}
