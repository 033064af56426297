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
 * A further instance of the tool, as an operator runs one: the runnable jar the build made
 * ({@code target/somework.jar}) on a PostgreSQL database, with the same key-encryption secret,
 * platform files and public base URL as the Arquillian server (its URL stands for the reverse
 * proxy's), on its own port. Its score-outbox claims lapse after 10 s (an attempt on a busy machine
 * takes well under that), so a survivor takes over its work quickly once it is killed.
 * {@link #start()} runs instance B of {@link ClusterPostgresIT} beside the Arquillian server;
 * {@link #launch} starts one without waiting, e.g. two at the same moment.
 */
final class SecondInstance {
  static final int PORT = Integer.getInteger("it.port", 18080) + 2;
  static final String URL = "http://localhost:" + PORT;
  private static final Duration START_LIMIT = Duration.ofSeconds(240);

  private final Process process;
  private final Path log;
  private final String url;

  private SecondInstance(Process process, Path log, String url) {
    this.process = process;
    this.log = log;
    this.url = url;
  }

  /**
   * Starts B (the jar on {@link #PORT}, on the Arquillian server's database, the simulator off) and
   * waits until it answers /health/ready with 200. A start that ends the process (the tool refused
   * to start: exit code 1) is tried once more; its log is kept as {@code cluster-b-refused.log} and
   * its SEVERE lines printed, so the reason shows in the test's output. (The cause of the refusals
   * seen so far: this class's readiness probe reached B while it deployed, Payara Micro ran the
   * readiness checks, and content loaded on the probe's thread missed its template classes; the
   * checks now answer DOWN until the start-up is done.)
   */
  static SecondInstance start() throws Exception {
    try {
      return startOnce();
    } catch (Refused refused) {
      Path kept = refused.log.resolveSibling("cluster-b-refused.log");
      Files.copy(refused.log, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      System.out.println(refused.getMessage());
      return startOnce();
    }
  }

  /** The process ended before it was ready; the message holds its SEVERE lines. */
  static final class Refused extends AssertionError {
    final Path log;

    Refused(String message, Path log) {
      super(message);
      this.log = log;
    }
  }

  private static SecondInstance startOnce() throws Exception {
    SecondInstance b = launch("cluster-b", PORT, PostgresDatabase.get(), false);
    b.awaitReady();
    return b;
  }

  /**
   * Starts the jar on {@code port} and {@code db} and returns at once: its folder is
   * {@code target/<name>} (made anew), its output {@code target/<name>.log}.
   *
   * @param simulator whether the built-in platform simulator is on (it registers itself at start-up)
   */
  static SecondInstance launch(String name, int port, JdbcDatabase db, boolean simulator) throws Exception {
    Path target = RunnableJarIT.JAR.getParent();
    // a fresh folder: Payara Micro deploys again what a runtime folder of an earlier run still holds
    Path root = target.resolve(name);
    if (Files.exists(root)) {
      try (var paths = Files.walk(root)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(root);
    Path log = target.resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dsomework.simulator.enabled=" + simulator,
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
        "--port", String.valueOf(port),
        "--rootdir", root.resolve("payara").toString(),
        "--prebootcommandfile", System.getProperty("it.preboot")));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    // secrets through the environment, as docs/cluster.md tells operators
    builder.environment().put("SOMEWORK_DB_PASSWORD", db.password());
    builder.environment().put("SOMEWORK_KEY_ENCRYPTION_SECRET", "it-postgres-operator-secret");
    return new SecondInstance(builder.start(), log, "http://localhost:" + port);
  }

  /**
   * Waits until the instance answers /health/ready with 200.
   *
   * @throws Refused when the process ends first (its SEVERE lines in the message)
   */
  void awaitReady() throws Exception {
    // HTTP/1.1: the default h2c upgrade leaves one HTTP/2 connection that every later probe shares,
    // so a connection stuck while the server deployed would fail all probes after it
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    String lastAnswer = "no answer yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new Refused("The instance on " + url + " ended with code " + process.exitValue() + " (see " + log
            + "); its SEVERE lines:\n" + String.join("\n", severeLines()), log);
      }
      try {
        HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(url + "/health/ready"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
        lastAnswer = "status " + ready.statusCode();
      } catch (java.io.IOException notYet) {
        lastAnswer = notYet.toString(); // still starting
      }
      Thread.sleep(500);
    }
    kill();
    throw new AssertionError("The instance on " + url + " was not ready within " + START_LIMIT.toSeconds()
        + " s (last probe: " + lastAnswer + "); see " + log);
  }

  /** Its base URL, e.g. http://localhost:18082. */
  String url() {
    return url;
  }

  /** Everything it has logged so far. */
  String log() throws java.io.IOException {
    return Files.exists(log) ? Files.readString(log, java.nio.charset.StandardCharsets.UTF_8) : "";
  }

  private List<String> severeLines() throws java.io.IOException {
    return log().lines().filter(line -> line.contains("SEVERE")).limit(20).toList();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** kill -9: the process ends at once, without running anything of its own. */
  void kill() throws InterruptedException {
    process.destroyForcibly(); // SIGKILL on Linux
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("The instance on " + url + " survived SIGKILL");
    }
  }
}
