package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Start-up on a database that already exists (migrations run again, harmlessly; keys and
 * registrations survive), with a malformed registration file among good ones, and in production
 * mode without a key-encryption secret (refused, with one log line saying which key to set). Three
 * server starts in all, each costing ~15 s: the checks of a start share it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StartupIT {
  @ArquillianResource Deployer deployer;

  @Deployment(name = "tool", managed = false, testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  /**
   * Two starts of the tool on one database (each start costs a server): a malformed registration
   * file is skipped at the first while the others load; at the second, keys and registrations are
   * still there, and a platform whose file was removed in between is revoked.
   */
  @Test
  void restartOnAnExistingDatabaseKeepsKeysAndRegistrationsAndRevokesARemovedFile() throws Exception {
    MockPlatforms.get();
    Path folder = Path.of(System.getProperty("it.lti.config.dir"));
    Path leavingFile = folder.resolve("platform-leaving.json");
    String issuer = MockPlatforms.issuer("leaving");
    Files.writeString(leavingFile, "{\"name\": \"Mock platform that leaves\", \"issuer\": \"" + issuer
        + "\", \"clientId\": \"client-leaving\", \"deploymentIds\": [\"1\"], \"authorizationEndpoint\": \""
        + issuer + "/auth\", \"tokenEndpoint\": \"" + issuer + "/token\", \"jwksUri\": \"" + issuer + "/jwks\"}");
    try {
      deployer.deploy("tool");
      String keysBefore = new Browser().get(MockPlatforms.TOOL + "/.well-known/jwks.json").body();
      // the malformed file (broken-platform.json) is skipped and the others load
      LtiLogin broken = LtiLogin.start(new Browser().acceptJson(), "broken", null, "1");
      assertEquals(403, broken.answer().status());
      assertEquals("UNKNOWN_ISSUER", broken.answer().jsonField("error"));
      assertEquals(302, LtiLogin.start(new Browser(), "a", "client-a1", "dep-1").answer().status());
      assertEquals(302, LtiLogin.start(new Browser(), "leaving", "client-leaving", "1").answer().status());
      ToolDeployment.undeploy(deployer, "tool");

      Files.delete(leavingFile);
      deployer.deploy("tool");
      Browser.Page keysAfter = new Browser().get(MockPlatforms.TOOL + "/.well-known/jwks.json");
      assertEquals(200, keysAfter.status());
      assertEquals(keysBefore, keysAfter.body(), "the same keys after a restart");
      Browser.Page launch = LaunchFlowIT.launch(new Browser(), "b", "client-b", "1", "Learner");
      assertEquals("Student", launch.fact("role"), "the platforms whose files stay keep working");
      LtiLogin revoked = LtiLogin.start(new Browser().acceptJson(), "leaving", "client-leaving", "1");
      assertEquals(403, revoked.answer().status());
      assertEquals("UNKNOWN_ISSUER", revoked.answer().jsonField("error"));
    } finally {
      Files.deleteIfExists(leavingFile);
      ToolDeployment.undeploy(deployer, "tool");
    }
  }

  @Test
  void productionModeWithoutAKeyEncryptionSecretRefusesToStartAndNamesTheKey() throws Exception {
    String dbPassword = "db-password-never-logged";
    Path folder = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolveSibling("it-refused-start");
    deleteRecursively(folder); // Payara would reuse a runtime folder left by the last run
    Files.createDirectories(folder.resolve("payara"));
    Path log = folder.resolve("server.log");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dsomework.mode=production",
        "-Dsomework.base-url=https://somework.example.edu",
        "-Dsomework.db.password=" + dbPassword,
        "-Dsomework.data-dir=" + folder.resolve("data"),
        "-Dsomework.lti-config-dir=" + System.getProperty("it.lti.config.dir"),
        "-Dsomework.content-dir=" + System.getProperty("it.content.dir"),
        "-jar", System.getProperty("it.micro.jar"), "--nocluster", "--port", System.getProperty("it.port", "18080"),
        "--rootdir", folder.resolve("payara").toString(),
        "--prebootcommandfile", System.getProperty("it.preboot"),
        "--deploy", System.getProperty("it.war"));
    ToolDeployment.awaitPortFree();
    Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      String output = awaitLine(server, log, "Payara Micro .* ready", Duration.ofMinutes(3));

      List<String> refusals = output.lines()
          .filter(line -> line.contains("SEVERE") && line.contains("eu.somework.config.ConfigurationCheck")).toList();
      assertEquals(1, refusals.size(), "one line per problem: " + refusals);
      assertTrue(refusals.get(0).contains("Production mode refuses to start without somework.key-encryption-secret:"
          + " set it (environment SOMEWORK_KEY_ENCRYPTION_SECRET)"), refusals.get(0));
      assertFalse(output.contains(dbPassword), "no secret in the log");
      assertFalse(output.contains("Connected to the database"), "refused before the database is touched");
      Browser.Page landing = new Browser().get(MockPlatforms.TOOL + "/");
      assertNotEquals(200, landing.status(), "the tool does not serve");
      assertNotEquals(200, new Browser().get(MockPlatforms.TOOL + "/simulator").status());
    } finally {
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      ToolDeployment.awaitPortFree();
    }
  }

  /** The server's output once a line matches {@code pattern}; fails if the server ends or time runs out first. */
  private static String awaitLine(Process server, Path log, String pattern, Duration patience) throws Exception {
    Pattern wanted = Pattern.compile(pattern);
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      if (wanted.matcher(output).find()) {
        return output;
      }
      if (!server.isAlive()) {
        throw new AssertionError("The server ended (exit " + server.exitValue() + ") before logging '" + pattern
            + "'; see " + log);
      }
      Thread.sleep(500);
    }
    throw new AssertionError("No '" + pattern + "' in " + log + " after " + patience.toSeconds() + " s");
  }

  private static void deleteRecursively(Path folder) throws java.io.IOException {
    if (Files.exists(folder)) {
      try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
