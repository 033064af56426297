package eu.somework.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The tool started from its built jar, as an operator runs it: its own data folder (database, keys,
 * Payara's runtime folder, log), a platform folder, on localhost only. Also an empty Payara Micro
 * application, for comparing start-up and memory. {@link #close} stops the process, and a shutdown
 * hook does if the driver is interrupted.
 */
public final class ToolProcess implements AutoCloseable {
  private final Process process;
  private final Thread stopOnExit;
  private final long startedNanos;
  final String baseUrl;
  final Path log;

  private ToolProcess(Process process, long startedNanos, String baseUrl, Path log) {
    this.process = process;
    this.startedNanos = startedNanos;
    this.baseUrl = baseUrl;
    this.log = log;
    this.stopOnExit = new Thread(this::stop, "stop-tool");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /** The tool with an empty platform folder of its own (the simulator registers itself). */
  static ToolProcess start(Path jar, int port, Path dataDir, Path contentDir, List<String> jvmOptions)
      throws IOException {
    return start(jar, port, dataDir, contentDir, jvmOptions, Map.of());
  }

  /**
   * The tool with an empty platform folder of its own, on {@code dataDir} emptied first, with
   * {@code properties} as further system properties (e.g. {@code somework.registration.dynamic}).
   */
  public static ToolProcess start(Path jar, int port, Path dataDir, Path contentDir, List<String> jvmOptions,
      Map<String, String> properties) throws IOException {
    deleteRecursively(dataDir);
    Files.createDirectories(dataDir.resolve("platforms"));
    return start(jar, port, dataDir, dataDir.resolve("platforms"), contentDir, jvmOptions, properties);
  }

  /**
   * The tool on {@code dataDir} (which must exist; the caller fills or cleans it) with the platform
   * files of {@code platformDir} and {@code properties} as further system properties (e.g. the
   * database URL).
   */
  static ToolProcess start(Path jar, int port, Path dataDir, Path platformDir, Path contentDir,
      List<String> jvmOptions, Map<String, String> properties) throws IOException {
    Files.createDirectories(dataDir.resolve("payara"));
    String baseUrl = "http://localhost:" + port;
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(jvmOptions);
    command.addAll(List.of(
        "-Dsomework.data-dir=" + dataDir.resolve("db"),
        "-Dsomework.lti-config-dir=" + platformDir,
        "-Dsomework.content-dir=" + contentDir,
        "-Dsomework.base-url=" + baseUrl,
        // the load comes from one address, far above the per-address login limit meant for people
        "-Dsomework.login.rate-per-minute=1000000"));
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--port", Integer.toString(port), "--nocluster",
        "--rootdir", dataDir.resolve("payara").toString()));
    return launch(command, dataDir, baseUrl);
  }

  /**
   * Payara Micro ({@code microJar}, the one the tool's jar was built from) with an application that
   * holds one static page and nothing else: what any Payara Micro application costs before its own code.
   */
  static ToolProcess startEmptyApplication(Path microJar, int port, Path dataDir, List<String> jvmOptions)
      throws IOException {
    deleteRecursively(dataDir);
    Files.createDirectories(dataDir.resolve("payara"));
    Path war = dataDir.resolve("ROOT.war");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war))) {
      zip.putNextEntry(new ZipEntry("index.html"));
      zip.write("<!DOCTYPE html><title>empty</title><p>empty".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("WEB-INF/"));
      zip.closeEntry();
    }
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", microJar.toAbsolutePath().toString(), "--port", Integer.toString(port),
        "--nocluster", "--rootdir", dataDir.resolve("payara").toString(), "--deploy", war.toString()));
    return launch(command, dataDir, "http://localhost:" + port);
  }

  private static ToolProcess launch(List<String> command, Path dataDir, String baseUrl) throws IOException {
    return start(command, dataDir, Map.of(), dataDir.resolve("server.log"), baseUrl);
  }

  /**
   * Another server that answers at {@code baseUrl}, e.g. a peer tool: {@code command} run in
   * {@code workDir} with {@code environment} added to this process's, its output in {@code log}.
   */
  static ToolProcess start(List<String> command, Path workDir, Map<String, String> environment, Path log,
      String baseUrl) throws IOException {
    long started = System.nanoTime();
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return new ToolProcess(builder.start(), started, baseUrl, log);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Waits until the simulator page answers; the tool is then started and its content loaded. */
  Duration awaitReady(Duration limit) throws IOException, InterruptedException {
    return awaitReady("/simulator", limit);
  }

  /**
   * Waits until {@code path} answers 200, and returns the time from the process's start until then
   * (a request every 100 ms).
   */
  public Duration awaitReady(String path, Duration limit) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = startedNanos + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("the server stopped during start-up (exit " + process.exitValue() + "); see " + log);
      }
      if (Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains("failed due to previous errors")) {
        throw new IOException("the application did not start; see " + log);
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - startedNanos);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IOException("the server did not answer within " + limit.toSeconds() + " s; see " + log);
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

  static void deleteRecursively(Path folder) throws IOException {
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
