package eu.somework.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peer tool of issue 11, measured by the same driver as SoMe@Work: ltijs (Node.js, Express) on
 * PostgreSQL through ltijs-sequelize, in the small app of {@code bench/peer-ltijs} ({@code app.js};
 * the versions are pinned by its {@code package-lock.json}). The app registers the driver's platform
 * at start-up and answers {@value #READY_PATH} once it has. It runs as a deployment behind https
 * would: cookies {@code Secure} and {@code SameSite=None}, {@code devMode} off (so the login's state
 * cookie and the session cookie are required), {@code NODE_ENV=production}. The driver's browsers
 * send those cookies back over plain http to {@code localhost}, as browsers do for localhost.
 *
 * <p>Its launch has the same four hops as SoMe@Work's ({@link #ROUTES}): {@code POST /login} →
 * 302 to the platform with state and nonce, {@code POST /} with the id_token and state → 302 to
 * {@code /?ltik=…}, and the landing page there. A read opens that page again with the launch's
 * {@code ltik}.
 */
final class LtijsPeer {
  static final String NAME = "ltijs";
  /** The app's folder, from the repository's root. */
  static final String DIR = "bench/peer-ltijs";
  /** The peer's own database on the driver's PostgreSQL server. */
  static final String DATABASE = "ltijs";
  static final String READY_PATH = "/ready";
  /** The peer's launch: ltijs's default login route and app route, its {@code ltik}, the app's landing page. */
  static final PlatformLaunch.Routes ROUTES = new PlatformLaunch.Routes("login", "", 302, "ltik",
      "data-peer-landing", "?ltik=", "data-peer-landing");

  private LtijsPeer() {}

  /**
   * Installs the app's packages from its lock file when they are missing or older than it
   * ({@code npm ci}: npm's registry or its cache), and names the versions for the report, e.g.
   * "ltijs 5.9.9 (ltijs-sequelize 2.4.4, pg 8.16.3, Node v20.20.2)".
   *
   * @throws IOException when npm or node cannot be run or npm fails
   */
  static String prepare(Path appDir) throws IOException, InterruptedException {
    Path app = appDir.toAbsolutePath();
    Path installed = app.resolve("node_modules/.package-lock.json");
    if (!Files.exists(installed)
        || Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(app.resolve("package-lock.json"))) < 0) {
      run(app, List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"));
    }
    String node = new String(new ProcessBuilder("node", "--version").redirectErrorStream(true).start()
        .getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    return NAME + " " + version(app, "ltijs") + " (ltijs-sequelize " + version(app, "ltijs-sequelize") + ", pg "
        + version(app, "pg") + ", Node " + node + ")";
  }

  /**
   * Starts the app on {@code port} against database {@value #DATABASE} of the PostgreSQL server on
   * {@code postgresPort}, registering {@code platform}; its log is {@code dataDir/peer/server.log}.
   * Call {@link #prepare} first.
   */
  static ToolProcess start(Path appDir, int port, Path dataDir, BenchPlatform platform, int postgresPort)
      throws IOException {
    Path app = appDir.toAbsolutePath();
    Path dir = dataDir.resolve("peer");
    Files.createDirectories(dir);
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("NODE_ENV", "production");
    environment.put("PEER_PORT", Integer.toString(port));
    environment.put("PEER_DB_HOST", "localhost");
    environment.put("PEER_DB_PORT", Integer.toString(postgresPort));
    environment.put("PEER_DB_NAME", DATABASE);
    environment.put("PEER_DB_USER", "postgres");
    environment.put("PEER_ENCRYPTION_KEY", HexFormat.of().formatHex(secret));
    environment.put("PEER_PLATFORM_ISSUER", platform.issuer);
    environment.put("PEER_PLATFORM_CLIENT_ID", BenchPlatform.CLIENT_ID);
    environment.put("PEER_PLATFORM_DEPLOYMENT_ID", BenchPlatform.DEPLOYMENT_ID);
    environment.put("PEER_PLATFORM_AUTHORIZATION_ENDPOINT", platform.authorizationEndpoint());
    environment.put("PEER_PLATFORM_TOKEN_ENDPOINT", platform.tokenEndpoint());
    environment.put("PEER_PLATFORM_KEY_SET_URL", platform.keySetUrl());
    return ToolProcess.start(List.of("node", app.resolve("app.js").toString()), dir, environment,
        dir.resolve("server.log"), "http://localhost:" + port);
  }

  private static String version(Path app, String module) throws IOException {
    String json = Files.readString(app.resolve("node_modules").resolve(module).resolve("package.json"));
    Matcher version = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    return version.find() ? version.group(1) : "?";
  }

  private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IOException(String.join(" ", command) + " in " + dir + " ended with " + exit);
    }
  }
}
