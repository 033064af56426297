package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults of the database, on a PostgreSQL server of this class's own (so that it can be stopped and
 * started again on the same data folder and port) and the runnable jar run as an operator runs it:
 * <ul>
 *   <li>an upgrade whose migration fails leaves the database exactly as it was, and the process ends
 *       with one log line naming the migration and the reason;</li>
 *   <li>the current version started on a database an old version (schema V9) left, with rows of that
 *       time, migrates it, and the old course member's launch shows their progress;</li>
 *   <li>the database restarted while the tool runs: meanwhile pages and launches get 503 "temporarily
 *       unavailable" (localised HTML, or JSON), readiness is DOWN and liveness UP, the background jobs
 *       log one line each; afterwards the tool serves again by itself, nothing committed is lost, and a
 *       saved reflection's score reaches the gradebook.</li>
 * </ul>
 * One tool process serves the last two (it starts on the old database); the first runs its own,
 * which ends by itself.
 */
class DatabaseFaultsPostgresIT {
  private static final String SUPERUSER = "postgres";
  private static final Duration START_PATIENCE = Duration.ofMinutes(3);
  private static final Duration RECOVERY_PATIENCE = Duration.ofSeconds(60);
  private static final String OLD_VERSION = "9";
  private static final String UNIT = "data-protection";
  private static final String EDITOR = "/app/units/" + UNIT + "/reflection";
  private static final Path HOME = Path.of(System.getProperty("it.data.dir", "target/it-data-postgres"))
      .resolveSibling("it-database-faults");

  private static Postgres postgres;
  private static Tool tool;

  @BeforeAll
  static void startPostgresAndTheToolOnAnOldDatabase() throws Exception {
    deleteRecursively(HOME);
    Files.createDirectories(HOME);
    MockPlatforms.get();
    postgres = Postgres.start(HOME.resolve("postgres"), freePort());
    String old = postgres.createDatabase("old_version");
    migrate(old, OLD_VERSION);
    rowsOfVersion9(old);
    ToolDeployment.awaitPortFree();
    tool = Tool.start("upgraded", Integer.getInteger("it.port", 18080), old);
    tool.awaitReady();
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (tool != null) {
      tool.stop();
    }
    if (postgres != null) {
      postgres.stop();
    }
  }

  @Test
  void aFailedMigrationLeavesTheDatabaseAsItWasAndTheToolEndsWithOneLineNamingIt() throws Exception {
    String url = postgres.createDatabase("failed_upgrade");
    migrate(url, OLD_VERSION);
    // what an operator may have left behind: a table by the name a later migration (V14) creates
    query(url, "CREATE TABLE launch_activity (note VARCHAR(20))");
    List<List<String>> historyBefore = query(url, HISTORY);
    List<List<String>> tablesBefore = query(url, TABLES);

    Tool refused = Tool.start("refused", freePort(), url);
    int exit = refused.awaitExit(START_PATIENCE);

    String log = refused.log();
    assertNotEquals(0, exit, "the process ends with a failure status");
    List<String> lines = severeLinesOf(log, "eu.somework");
    assertEquals(1, lines.size(), "one line from the tool: " + lines);
    assertTrue(lines.get(0).contains("Database migration V14 (launch activity) failed: ERROR: relation"
        + " \"launch_activity\" already exists (SQL state 42P07). Nothing was changed: the schema is still at"
        + " version 9, as before this start. The tool does not start; fix the cause and start it again."),
        lines.get(0));
    assertTrue(log.contains("SoMe@Work did not start"), "the launcher says why the process ends");
    assertEquals(historyBefore, query(url, HISTORY), "no migration recorded, none recorded as failed");
    assertEquals(tablesBefore, query(url, TABLES), "no table of V11 to V13 left behind: one transaction");
    assertFalse(log.contains("SoMe@Work is ready"));
  }

  @Test
  void anOldDatabaseIsMigratedAndItsCourseMemberLaunchesWithTheirProgress() throws Exception {
    Flyway flyway = Flyway.configure().dataSource(tool.databaseUrl, SUPERUSER, "")
        .locations("classpath:db/migration").load();
    MigrationInfo[] applied = flyway.info().applied();
    assertEquals(0, flyway.info().pending().length, "every migration applied");
    assertTrue(applied.length > Integer.parseInt(OLD_VERSION), "migrated beyond V" + OLD_VERSION);
    assertTrue(Stream.of(applied).allMatch(migration -> migration.getState().isApplied()));

    Browser browser = new Browser();
    Browser.Page landing = browser.follow(launch(browser, "b", "client-b", "1", "old-course", "old-learner",
        "Learner", "Old Learner"));
    assertEquals(200, landing.status(), landing.body());
    assertEquals("Student", landing.fact("role"));
    Matcher badge = Pattern.compile("href=\"[^\"]*/units/" + UNIT + "[^\"]*\".*?data-status=\"([A-Z_]+)\"",
        Pattern.DOTALL).matcher(landing.body());
    assertTrue(badge.find(), landing.body());
    assertEquals("READ", badge.group(1), "the progress recorded by the old version");
    assertEquals(List.of(List.of("Old Learner", "STUDENT")), query(tool.databaseUrl,
        "SELECT display_name, role FROM course_member WHERE user_id = 'old-learner'"),
        "the old member's row, updated by the launch, not a second one");
  }

  @Test
  void aDatabaseRestartGivesClearErrorsMeanwhileAndTheToolRecoversByItself() throws Exception {
    MockGradebook gradebook = MockPlatforms.get().gradebook();
    String course = "faults-restart";
    String lineItem = gradebook.openLineItem(course, "Reflection on data protection", 14);
    GradingChecks.Member anna = GradingChecks.launchWithGradebook(course, lineItem, "u-anna-restart", "Learner",
        "Anna Restart");
    GradingChecks.submit(anna, "<p>Committed before the restart.</p>");
    gradebook.awaitScores(course, 1, Duration.ofSeconds(20));
    List<List<String>> committed = query(tool.databaseUrl, COMMITTED);
    int logBefore = tool.log().length();

    postgres.stop();
    try {
      Browser.Page page = anna.get(EDITOR);
      assertEquals(503, page.status(), page.body());
      assertTrue(page.body().contains("The service is temporarily unavailable"), page.body());
      assertEquals("30", page.header("Retry-After"));
      assertNoDetail(page.body());
      HttpResponse<String> finnish = send(HttpRequest.newBuilder(URI.create(MockPlatforms.TOOL + EDITOR + "?s="
          + anna.token())).GET(), "text/html", "fi", anna);
      assertEquals(503, finnish.statusCode());
      assertTrue(finnish.body().contains("Palvelu ei ole tilapäisesti käytettävissä"), finnish.body());
      // the editor's autosave, a script's request: JSON in, JSON out
      HttpResponse<String> json = send(HttpRequest.newBuilder(URI.create(MockPlatforms.TOOL + EDITOR + "/draft"))
          .header("X-SomeWork-Session", anna.token()).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("html=%3Cp%3EAutosaved%3C%2Fp%3E")), "application/json", "en",
          anna);
      assertEquals(503, json.statusCode());
      assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
      assertTrue(json.body().contains("\"error\":\"SERVICE_UNAVAILABLE\""), json.body());
      assertNoDetail(json.body());
      Browser.Page save = anna.post(EDITOR, Map.of("html", "<p>Written while the database is down.</p>",
          "visibility", "PRIVATE", "action", "save"));
      assertEquals(503, save.status(), save.body());
      LtiLogin login = LtiLogin.start(new Browser(), "b", "client-b", "1");
      assertEquals(503, login.answer().status(), login.answer().body());
      assertNoDetail(login.answer().body());

      HttpResponse<String> ready = raw("/health/ready", "application/json", "en");
      assertEquals(503, ready.statusCode());
      assertTrue(ready.body().contains("\"name\":\"database\""), ready.body());
      assertEquals(200, raw("/health/live", "application/json", "en").statusCode(), "alive: no restart needed");
      tool.awaitLog(SCORE_JOB_WAITING, logBefore, RECOVERY_PATIENCE);
    } finally {
      postgres.start();
    }

    MockGradebook.await(() -> raw("/health/ready", "application/json", "en").statusCode(), status -> status == 200,
        RECOVERY_PATIENCE, "readiness UP again");
    Browser.Page again = anna.get(EDITOR);
    assertEquals(200, again.status(), again.body());
    assertTrue(again.body().contains("Committed before the restart."), "nothing committed is lost");
    assertEquals(committed, query(tool.databaseUrl, COMMITTED), "the rows committed before, unchanged");

    GradingChecks.Member bo = GradingChecks.launchWithGradebook(course, lineItem, "u-bo-restart", "Learner",
        "Bo Restart");
    GradingChecks.submit(bo, "<p>Saved after the restart.</p>");
    List<MockGradebook.ReceivedScore> scores = gradebook.awaitScores(course, 2, Duration.ofSeconds(20));
    assertEquals("u-bo-restart", scores.get(1).userId(), "a score delivered after the restart");
    tool.awaitLog("Background job resumed, the database answers again: send due scores", logBefore,
        RECOVERY_PATIENCE);

    String during = tool.log().substring(logBefore);
    assertEquals(1, count(during, SCORE_JOB_WAITING), during);
    assertFalse(Pattern.compile("(?m)^\\s+at [a-z]").matcher(during).find(), "no stack trace: " + during);
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * The end of the line the score delivery job logs, once, when it first meets the database down
   * ("Background job waiting for the database, which cannot be reached (SQL state …); …"): the state
   * depends on whether its connection was refused or found broken.
   */
  private static final String SCORE_JOB_WAITING = "it tries again every 2 s: send due scores";
  private static final String HISTORY =
      "SELECT installed_rank, version, description, checksum, success FROM flyway_schema_history ORDER BY 1";
  private static final String TABLES = "SELECT table_name FROM information_schema.tables"
      + " WHERE table_schema = 'public' ORDER BY 1";
  private static final String COMMITTED = "SELECT r.user_id, r.status, (SELECT count(*) FROM score_outbox)"
      + " FROM reflection r WHERE r.context_id = 'faults-restart' ORDER BY 1";

  /** No trace of how the tool failed: no SQL, no host, no driver, no stack. */
  private static void assertNoDetail(String body) {
    for (String detail : List.of("SQL", "jdbc", "postgres", "127.0.0.1", "localhost:", "Exception", "eclipse")) {
      assertFalse(body.contains(detail), "'" + detail + "' in " + body);
    }
  }

  private static HttpResponse<String> raw(String path, String accept, String language) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(MockPlatforms.TOOL + path)).GET(), accept, language, null);
  }

  /**
   * A request with the given Accept and Accept-Language, and the cookies {@code member}'s browser
   * holds (the session's browser binding) when {@code member} is not null.
   */
  private static HttpResponse<String> send(HttpRequest.Builder request, String accept, String language,
      GradingChecks.Member member) throws Exception {
    request.header("Accept", accept).header("Accept-Language", language).timeout(Duration.ofSeconds(30));
    if (member != null) {
      String host = URI.create(MockPlatforms.TOOL).getAuthority();
      request.header("Cookie", member.browser().cookieNames(host).stream()
          .map(name -> name + "=" + member.browser().cookie(host, name)).collect(Collectors.joining("; ")));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** An id_token launch of {@code userId} in {@code course}, answered by the tool (a redirect to follow). */
  private static Browser.Page launch(Browser browser, String platform, String clientId, String deployment,
      String course, String userId, String role, String name) throws Exception {
    LtiLogin login = LtiLogin.start(browser, platform, clientId, deployment);
    assertEquals(302, login.answer().status(), login.answer().body());
    var claims = MockPlatforms.resourceLinkLaunch(platform, clientId, deployment, login.nonce(), userId, role)
        .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", course, "title", "Old course"))
        .claim("name", name).build();
    return login.launch(browser, MockPlatforms.sign(MockPlatforms.get().key(platform), claims));
  }

  private static void migrate(String url, String target) {
    Flyway.configure().dataSource(url, SUPERUSER, "").locations("classpath:db/migration").target(target).load()
        .migrate();
  }

  /** A registration (platform B, as its file names it), a course member and their progress, as V9 stored them. */
  private static void rowsOfVersion9(String url) throws SQLException {
    String issuer = MockPlatforms.issuer("b");
    query(url, "INSERT INTO platform_registration (id, name, issuer, client_id, authorization_endpoint,"
        + " token_endpoint, jwks_uri, origin, source_file, updated_at) VALUES (nextval('platform_registration_seq'),"
        + " 'Mock platform B', ?, 'client-b', ?, ?, ?, 'FILE', 'platform-b.json', now())",
        issuer, issuer + "/auth", issuer + "/token", issuer + "/jwks");
    query(url, "INSERT INTO platform_deployment (registration_id, deployment_id)"
        + " SELECT id, '1' FROM platform_registration WHERE issuer = ?", issuer);
    query(url, "INSERT INTO course_member (issuer, client_id, deployment_id, context_id, user_id, display_name, role,"
        + " last_seen) VALUES (?, 'client-b', '1', 'old-course', 'old-learner', 'Old Learner', 'STUDENT', now())",
        issuer);
    query(url, "INSERT INTO unit_progress (issuer, client_id, deployment_id, context_id, user_id, unit_id, status,"
        + " updated_at) VALUES (?, 'client-b', '1', 'old-course', 'old-learner', ?, 'READ', now())", issuer, UNIT);
  }

  /** Runs {@code sql} as the superuser; the rows of a query, each column as text (none for an update). */
  private static List<List<String>> query(String url, String sql, Object... parameters) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, SUPERUSER, "");
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<List<String>> rows = new ArrayList<>();
      if (!statement.execute()) {
        return rows;
      }
      try (ResultSet rs = statement.getResultSet()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(rs.getString(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  private static List<String> severeLinesOf(String log, String loggerPrefix) {
    return log.lines().filter(line -> line.contains("SEVERE") && line.contains("[" + loggerPrefix)
        || line.contains("SEVERE") && line.contains(loggerPrefix + ".")).toList();
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      n++;
    }
    return n;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** A PostgreSQL server on a data folder and port of its own, which survives being stopped and started. */
  private static final class Postgres {
    private final Path data;
    private final int port;
    private EmbeddedPostgres server;

    private Postgres(Path data, int port) {
      this.data = data;
      this.port = port;
    }

    static Postgres start(Path data, int port) throws IOException {
      Postgres postgres = new Postgres(data, port);
      postgres.start();
      return postgres;
    }

    /** Starts the server (again) on the same folder and port: what it committed is there. */
    void start() throws IOException {
      server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
          .setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off")
          .setPGStartupWait(Duration.ofSeconds(30)).start();
    }

    /** Stops the server (pg_ctl stop, fast: open connections are ended). */
    void stop() throws IOException {
      server.close();
    }

    String createDatabase(String name) throws SQLException {
      try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
      }
      return server.getJdbcUrl(SUPERUSER, name);
    }
  }

  /** The runnable jar (target/somework.jar) as a process of its own, its output in a file. */
  private static final class Tool {
    final String databaseUrl;
    private final Process process;
    private final Path log;
    private final int port;

    private Tool(String databaseUrl, Process process, Path log, int port) {
      this.databaseUrl = databaseUrl;
      this.process = process;
      this.log = log;
      this.port = port;
    }

    static Tool start(String name, int port, String databaseUrl) throws IOException {
      Path folder = HOME.resolve(name);
      Files.createDirectories(folder.resolve("payara"));
      Path log = folder.resolve("server.log");
      List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Dsomework.simulator.enabled=false",
          "-Dsomework.key-encryption-secret=it-database-faults-secret",
          "-Dsomework.db.url=" + databaseUrl,
          "-Dsomework.db.user=" + SUPERUSER,
          "-Dsomework.data-dir=" + folder.resolve("data"),
          "-Dsomework.lti-config-dir=" + System.getProperty("it.lti.config.dir"),
          "-Dsomework.content-dir=" + System.getProperty("it.content.dir"),
          "-Dsomework.base-url=http://localhost:" + port,
          "-jar", RunnableJarIT.JAR.toString(), "--port", String.valueOf(port),
          "--rootdir", folder.resolve("payara").toString());
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new Tool(databaseUrl, process, log, port);
    }

    String log() throws IOException {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    void awaitReady() throws Exception {
      long deadline = System.nanoTime() + START_PATIENCE.toNanos();
      HttpClient http = HttpClient.newHttpClient();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new AssertionError("The tool ended (exit " + process.exitValue() + ") before it was ready: " + log);
        }
        try {
          HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
              .timeout(Duration.ofSeconds(10)).build();
          if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(500);
      }
      throw new AssertionError("The tool was not ready within " + START_PATIENCE.toSeconds() + " s: " + log);
    }

    /** Waits until the log, from character {@code from} on, holds {@code text}. */
    void awaitLog(String text, int from, Duration patience) throws Exception {
      MockGradebook.await(() -> log().substring(from).contains(text), found -> found, patience,
          "'" + text + "' in " + log);
    }

    int awaitExit(Duration patience) throws Exception {
      if (!process.waitFor(patience.toSeconds(), TimeUnit.SECONDS)) {
        stop();
        throw new AssertionError("The tool still runs after " + patience.toSeconds() + " s: " + log);
      }
      return process.exitValue();
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
