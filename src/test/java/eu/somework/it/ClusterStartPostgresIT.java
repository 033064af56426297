package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.somework.persistence.StartupLock;
import eu.somework.testsupport.JdbcDatabase;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rolling start on an empty database, as an operator does it (docs/cluster.md): two instances of
 * the runnable jar ({@link SecondInstance}) started at the same moment on a fresh PostgreSQL database,
 * with the same platform files and the simulator on, both become ready; there is one CURRENT and one
 * NEXT key per owner and both instances publish the same key set; each platform file's registration
 * is stored once; a launch works through each instance.
 *
 * <p>Two processes started together still reach their start-up writes a second or so apart, which
 * would let a race hide. So the test holds the instances' start-up lock ({@link StartupLock#KEY})
 * while they boot, until both wait for it (and have each logged that they wait), then lets go: both
 * go on from the same instant, the worst case of a rolling start.
 */
class ClusterStartPostgresIT {
  private static final int FIRST_PORT = Integer.getInteger("it.port", 18080);
  private static final Duration START_LIMIT = Duration.ofSeconds(240);
  private static final String WAITING = "Another instance of the tool is starting on this database";
  private static final Pattern TOKEN = Pattern.compile("[?&]s=([^&\"]+)");

  private static JdbcDatabase db;
  private static SecondInstance first;
  private static SecondInstance second;

  @BeforeAll
  static void startTwoInstancesAtTheSameMomentOnAnEmptyDatabase() throws Exception {
    MockPlatforms.get();
    ToolDeployment.awaitPortFree(); // the Arquillian server of the class before
    db = PostgresDatabase.fresh();
    try (Connection turn = DriverManager.getConnection(db.url(), db.user(), db.password())) {
      try (Statement lock = turn.createStatement()) {
        lock.execute("SELECT pg_advisory_lock(" + StartupLock.KEY + ")");
      }
      first = SecondInstance.launch("cluster-start-1", FIRST_PORT, db, true);
      second = SecondInstance.launch("cluster-start-2", SecondInstance.PORT, db, true);
      MockGradebook.await(() -> waitingForTheirTurn(turn), n -> n == 2 || !first.alive() || !second.alive(),
          START_LIMIT, "both instances to wait for their turn at starting");
    } // the connection ends, and the lock with it: both go on at once
    first.awaitReady();
    second.awaitReady();
  }

  @AfterAll
  static void stopBoth() throws InterruptedException {
    for (SecondInstance instance : new SecondInstance[] {first, second}) {
      if (instance != null && instance.alive()) {
        instance.kill();
      }
    }
  }

  @Test
  void bothInstancesSaidTheyWaitedForTheirTurnAndStartedWithoutASevereLineOfTheirOwn() throws Exception {
    for (SecondInstance instance : List.of(first, second)) {
      String log = instance.log();
      assertTrue(log.contains(WAITING), "waited, and said so: " + instance.url());
      assertEquals(List.of(), log.lines().filter(line -> line.contains("SEVERE") && line.contains("eu.somework")
              && !line.contains("Platform registration skipped")).toList(),
          "no SEVERE line but the broken platform file's on " + instance.url());
    }
  }

  @Test
  void eachOwnerHasOneCurrentAndOneNextKeyAndBothInstancesPublishTheSameKeySet() throws Exception {
    assertEquals(List.of(List.of("simulator", "CURRENT", "1"), List.of("simulator", "NEXT", "1"),
            List.of("tool", "CURRENT", "1"), List.of("tool", "NEXT", "1")),
        PostgresDatabase.rows(db, "SELECT owner, status, COUNT(*) FROM signing_key GROUP BY owner, status"
            + " ORDER BY owner, status"));
    Set<String> published = kids(first.url());
    assertEquals(2, published.size(), "the tool's CURRENT and NEXT keys: " + published);
    assertEquals(published, kids(second.url()), "one key set for both instances");
    assertEquals(published, Set.copyOf(strings("SELECT kid FROM signing_key WHERE owner = 'tool'")));
  }

  @Test
  void eachPlatformFileIsStoredOnceAndTheSimulatorOnce() throws Exception {
    Set<String> files;
    try (Stream<Path> listed = Files.list(Path.of(System.getProperty("it.lti.config.dir")))) {
      files = listed.map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".json") && !name.equals("broken-platform.json"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    List<List<String>> stored = PostgresDatabase.rows(db, "SELECT source_file, COUNT(*) FROM platform_registration"
        + " WHERE origin = 'FILE' GROUP BY source_file ORDER BY source_file");
    assertEquals(files.stream().map(file -> List.of(file, "1")).toList(), stored);
    assertEquals(List.of("1"), strings("SELECT COUNT(*) FROM platform_registration WHERE origin = 'SIMULATOR'"));
  }

  @Test
  void aLaunchWorksThroughEachInstance() throws Exception {
    for (SecondInstance instance : List.of(first, second)) {
      Browser browser = new Browser();
      LtiLogin login = LtiLogin.start(instance.url(), browser, "b", "client-b", "1");
      assertEquals(302, login.answer().status(), login.answer().body());
      String idToken = MockPlatforms.sign(MockPlatforms.get().key("b"), MockPlatforms.resourceLinkLaunch("b",
          "client-b", "1", login.nonce(), "u-cluster-start-" + instance.url().hashCode(), "Learner").build());
      Browser.Page launched = login.launch(browser, instance.url(), idToken);
      assertEquals(303, launched.status(), launched.body());
      Matcher token = TOKEN.matcher(launched.header("Location"));
      assertTrue(token.find(), launched.header("Location"));
      Browser.Page app = browser.get(instance.url() + "/app?s="
          + URLEncoder.encode(URLDecoder.decode(token.group(1), StandardCharsets.UTF_8), StandardCharsets.UTF_8));
      assertEquals(200, app.status(), app.body());
      assertEquals("Student", app.fact("role"), "launched through " + instance.url());
    }
  }

  /** How many sessions wait for the start-up lock ({@link StartupLockWaiters}). */
  private static long waitingForTheirTurn(Connection turn) throws SQLException {
    return eu.somework.persistence.StartupLockWaiters.count(turn);
  }

  private static Set<String> kids(String instance) throws Exception {
    Browser.Page jwks = new Browser().get(instance + "/.well-known/jwks.json");
    assertEquals(200, jwks.status());
    return Arrays.stream(JSONObjectUtils.getJSONObjectArray(JSONObjectUtils.parse(jwks.body()), "keys"))
        .map(k -> (String) k.get("kid")).collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<String> strings(String sql) throws SQLException {
    return PostgresDatabase.rows(db, sql).stream().map(row -> row.get(0)).toList();
  }
}
