package eu.somework.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The tool started from its built jar, as an operator runs it: its own data folder (database, keys,
 * Payara's runtime folder, log), an empty platform folder (the simulator registers itself), on
 * localhost only. {@link #close} stops it, and a shutdown hook does if the driver is interrupted.
 */
final class ToolProcess implements AutoCloseable {
  private final Process process;
  private final Thread stopOnExit;
  final String baseUrl;
  final Path log;

  private ToolProcess(Process process, String baseUrl, Path log) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.log = log;
    this.stopOnExit = new Thread(this::stop, "stop-tool");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  static ToolProcess start(Path jar, int port, Path dataDir, Path contentDir, List<String> jvmOptions)
      throws IOException {
    deleteRecursively(dataDir);
    Files.createDirectories(dataDir.resolve("platforms"));
    Files.createDirectories(dataDir.resolve("payara"));
    String baseUrl = "http://localhost:" + port;
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of(
        "-Dsomework.data-dir=" + dataDir.resolve("db"),
        "-Dsomework.lti-config-dir=" + dataDir.resolve("platforms"),
        "-Dsomework.content-dir=" + contentDir,
        "-Dsomework.base-url=" + baseUrl,
        // the load comes from one address, far above the per-address login limit meant for people
        "-Dsomework.login.rate-per-minute=1000000",
        "-jar", jar.toAbsolutePath().toString(), "--port", Integer.toString(port), "--nocluster",
        "--rootdir", dataDir.resolve("payara").toString()));
    Path log = dataDir.resolve("server.log");
    Process process = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    return new ToolProcess(process, baseUrl, log);
  }

  /** Waits until the simulator page answers; the tool is then started and its content loaded. */
  Duration awaitReady(Duration limit) throws IOException, InterruptedException {
    Instant start = Instant.now();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    while (Duration.between(start, Instant.now()).compareTo(limit) < 0) {
      if (!process.isAlive()) {
        throw new IOException("the tool stopped during start-up (exit " + process.exitValue() + "); see " + log);
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/simulator"))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return Duration.between(start, Instant.now());
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IOException("the tool did not answer within " + limit.toSeconds() + " s; see " + log);
  }

  long pid() {
    return process.pid();
  }

  private void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
