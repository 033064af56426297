package eu.somework.it;

import eu.somework.testsupport.JdbcDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second instance of the tool beside the Arquillian server, as an operator runs one: the runnable
 * jar the build made ({@code target/somework.jar}), on the same PostgreSQL database, with the same
 * key-encryption secret, platform files and public base URL (the first instance's, standing for the
 * reverse proxy's), on its own port. Its score-outbox claims lapse after 10 s (an attempt on a busy
 * machine takes well under that), so a survivor takes over its work quickly once it is killed.
 */
final class SecondInstance {
  static final int PORT = Integer.getInteger("it.port", 18080) + 2;
  static final String URL = "http://localhost:" + PORT;
  private static final Duration START_LIMIT = Duration.ofSeconds(240);

  private final Process process;
  private final Path log;

  private SecondInstance(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the jar and waits until it answers /health/ready with 200. A start that ends the process
   * (the tool refused to start: exit code 1) is tried once more; its log is kept as
   * {@code cluster-b-refused.log} and its SEVERE lines printed, so the reason shows in the test's
   * output. (Starts ended with code 1 when /health/ready was asked while the application was
   * still being deployed; {@link #awaitReady} now waits for Payara's ready line first.)
   */
  static SecondInstance start() throws Exception {
    try {
      return startOnce();
    } catch (Refused refused) {
      Path kept = refused.log.resolveSibling("cluster-b-refused.log");
      Files.copy(refused.log, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      try (var lines = Files.lines(kept)) {
        System.out.println("The second instance refused to start (" + refused.getMessage() + "); its SEVERE lines:");
        lines.filter(line -> line.contains("SEVERE")).limit(20).forEach(System.out::println);
      }
      return startOnce();
    }
  }

  /** The process ended before it was ready. */
  private static final class Refused extends AssertionError {
    final Path log;

    Refused(String message, Path log) {
      super(message);
      this.log = log;
    }
  }

  private static SecondInstance startOnce() throws Exception {
    JdbcDatabase db = PostgresDatabase.get();
    Path target = RunnableJarIT.JAR.getParent();
    // a fresh folder: Payara Micro deploys again what a runtime folder of an earlier run still holds
    Path root = target.resolve("cluster-b");
    if (Files.exists(root)) {
      try (var paths = Files.walk(root)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(root);
    Path log = target.resolve("cluster-b.log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dsomework.simulator.enabled=false",
        "-Dsomework.db.url=" + db.url(),
        "-Dsomework.db.user=" + db.user(),
        "-Dsomework.data-dir=" + root.resolve("data"),
        "-Dsomework.lti-config-dir=" + System.getProperty("it.lti.config.dir"),
        "-Dsomework.content-dir=" + System.getProperty("it.content.dir"),
        "-Dsomework.base-url=" + MockPlatforms.TOOL,
        "-Dsomework.admin.password-hash=$2a$04$czr1.DY8bPi8ObdtI89uAu6RXV2wed2B2c.GeqGefXa/z1xnn4iqK",
        "-Dsomework.admin.token-sha256=1b511b3dc8f8bd55303a7dbf34c50810001b3df37b0cc33ea0859b601d001244",
        "-Dsomework.outbox.claim-seconds=10",
        // every test login comes from 127.0.0.1: as behind a proxy, the per-address limit is raised
        "-Dsomework.login.rate-per-minute=100000",
        "-jar", RunnableJarIT.JAR.toString(),
        "--port", String.valueOf(PORT),
        "--rootdir", root.resolve("payara").toString(),
        "--prebootcommandfile", System.getProperty("it.preboot")));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    // secrets through the environment, as docs/cluster.md tells operators
    builder.environment().put("SOMEWORK_DB_PASSWORD", db.password());
    builder.environment().put("SOMEWORK_KEY_ENCRYPTION_SECRET", "it-postgres-operator-secret");
    SecondInstance instance = new SecondInstance(builder.start(), log);
    instance.awaitReady();
    return instance;
  }

  /**
   * Waits for Payara's "ready" line, then for /health/ready to answer 200. Not asking before the
   * line: a request that reaches the application while it is being deployed initialises its beans
   * on a request thread before the application's class loader is complete, the content catalogue
   * cannot load its precompiled templates ({@code ClassNotFoundException: JteselfCheckGenerated})
   * and the start is refused with code 1 (seen in cluster-b-refused.log, and in ProxyLimitsIT).
   */
  private void awaitReady() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline && !(Files.exists(log)
        && Files.readString(log, java.nio.charset.StandardCharsets.UTF_8).matches("(?s).*Payara Micro .* ready in .*"))) {
      if (!process.isAlive()) {
        throw new Refused("The second instance ended with code " + process.exitValue() + "; see " + log, log);
      }
      Thread.sleep(500);
    }
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new Refused("The second instance ended with code " + process.exitValue() + "; see " + log, log);
      }
      try {
        HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(URL + "/health/ready"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    kill();
    throw new AssertionError("The second instance was not ready within " + START_LIMIT.toSeconds() + " s; see " + log);
  }

  boolean alive() {
    return process.isAlive();
  }

  /** kill -9: the process ends at once, without running anything of its own. */
  void kill() throws InterruptedException {
    process.destroyForcibly(); // SIGKILL on Linux
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("The second instance survived SIGKILL");
    }
  }
}
