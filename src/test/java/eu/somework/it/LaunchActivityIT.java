package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import eu.somework.persistence.Migrations;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
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
 * What launches leave behind for operators and administrators: an accepted launch, a replayed
 * id_token and a login for an unknown platform move the launch counters at {@code /metrics} by
 * exactly one each, and reach {@code launch_activity} by the time the server has stopped (its
 * last flush) — the unknown platform under no name it sent. The test server's database is shared
 * with other test classes: every figure is a difference.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LaunchActivityIT {
  private static final String TOOL = MockPlatforms.TOOL;
  private static final String PLATFORM_B = MockPlatforms.issuer("b");
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @ArquillianResource Deployer deployer;

  @Deployment(name = "tool", managed = false, testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @Test
  void anAcceptedLaunchARefusedOneAndAnUnknownPlatformAreCountedOnceEachInMetricsAndInTheDatabase()
      throws Exception {
    // -Dit.test selects this class in the PostgreSQL execution too: it reads the H2 server's file
    assumeFalse("payara-micro-postgres".equals(System.getProperty("arquillian.launch")), "an H2 test");
    ToolDeployment.awaitPortFree();
    Map<String, Long> storedBefore = storedActivity();
    String stranger = "http://unknown-" + UUID.randomUUID() + ".example";
    Map<String, Double> before;
    Map<String, Double> after;
    String metricsAfter;
    deployer.deploy("tool");
    try {
      before = launchMetrics(metrics());

      Browser browser = new Browser().acceptJson();
      LtiLogin login = LtiLogin.start(browser, "b", "client-b", "1");
      String token = MockPlatforms.sign(MockPlatforms.get().key("b"),
          MockPlatforms.resourceLinkLaunch("b", "client-b", "1", login.nonce(), "student-1", "Learner").build());
      String host = URI.create(TOOL).getAuthority();
      String cookie = "somework_login_" + login.state().substring(0, 16);
      String value = browser.cookie(host, cookie);
      assertEquals(303, login.launch(browser, token).status());
      browser.setCookie(host, cookie, value);
      Browser.Page replayed = login.launch(browser, token);
      assertEquals("NONCE_REPLAYED", replayed.jsonField("error"), replayed.body());
      Browser.Page unknown = LtiLogin.startFrom(new Browser().acceptJson(), stranger, "client-x", "dep-x",
          TOOL + "/lti/launch").answer();
      assertEquals("UNKNOWN_ISSUER", unknown.jsonField("error"), unknown.body());

      metricsAfter = metrics();
      after = launchMetrics(metricsAfter);
    } finally {
      ToolDeployment.undeploy(deployer, "tool");
    }

    Map<String, Double> moved = new HashMap<>();
    after.forEach((series, count) -> {
      double change = count - before.getOrDefault(series, 0.0);
      if (change != 0) {
        moved.put(series, change);
      }
    });
    assertEquals(Map.of(
        "somework_launches_total{reason=none,result=accepted}", 1.0,
        "somework_launches_total{reason=NONCE_REPLAYED,result=rejected}", 1.0,
        "somework_launches_total{reason=UNKNOWN_ISSUER,result=rejected}", 1.0,
        "somework_launch_duration_seconds_count{result=accepted}", 1.0,
        "somework_launch_duration_seconds_count{result=rejected}", 1.0), moved, metricsAfter);
    assertFalse(metricsAfter.contains(stranger.substring(7)), "no label names the unknown platform");
    assertFalse(metricsAfter.contains("client-b"), "no label names a registration");

    Map<String, Long> storedAfter = storedActivity();
    Map<String, Long> added = new HashMap<>();
    storedAfter.forEach((row, count) -> {
      long change = count - storedBefore.getOrDefault(row, 0L);
      if (change != 0) {
        added.put(row, change);
      }
    });
    assertEquals(Map.of(
        PLATFORM_B + " | client-b | 1 | ACCEPTED", 1L,
        PLATFORM_B + " | client-b | 1 | NONCE_REPLAYED", 1L,
        " |  |  | UNKNOWN_ISSUER", 1L), added, "stored by the server's last flush as it stopped");
    assertFalse(storedAfter.keySet().stream().anyMatch(row -> row.contains(stranger.substring(7))),
        "no row names the unknown platform: " + storedAfter.keySet());
  }

  /** /metrics in Prometheus' text format, as a Prometheus server asks for it. */
  private static String metrics() throws Exception {
    java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(URI.create(TOOL + "/metrics")).header("Accept", "text/plain").build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
    return answer.body();
  }

  private static final Pattern SAMPLE = Pattern.compile("^(somework_launch\\w*)\\{([^}]*)\\}\\s+(\\S+)", Pattern.MULTILINE);
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  /** The launch counts at /metrics: "name{label=value,…}" (labels sorted, mp_scope left out) → value. */
  static Map<String, Double> launchMetrics(String body) {
    Map<String, Double> series = new HashMap<>();
    Matcher sample = SAMPLE.matcher(body);
    while (sample.find()) {
      Map<String, String> labels = new java.util.TreeMap<>();
      Matcher label = LABEL.matcher(sample.group(2));
      while (label.find()) {
        if (!label.group(1).equals("mp_scope")) {
          labels.put(label.group(1), label.group(2));
        }
      }
      if (!sample.group(1).endsWith("_total") && !sample.group(1).endsWith("_count")) {
        continue; // times and quantiles: how long, not how many
      }
      StringBuilder key = new StringBuilder(sample.group(1)).append('{');
      labels.forEach((k, v) -> key.append(key.charAt(key.length() - 1) == '{' ? "" : ",").append(k).append('=').append(v));
      series.put(key.append('}').toString(), Double.parseDouble(sample.group(3)));
    }
    return series;
  }

  /**
   * The rows of launch_activity in the test server's H2 database, "issuer | client | deployment |
   * outcome" → occurrences; read while no server runs (the database file is the server's while it
   * does), so it waits until the last one has let go of it.
   */
  private static Map<String, Long> storedActivity() throws Exception {
    Path data = Path.of(System.getProperty("it.data.dir", "target/it-data"));
    Files.createDirectories(data);
    String url = "jdbc:h2:file:" + data.resolve("somework").toAbsolutePath().toString().replace('\\', '/');
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      try {
        Migrations.on(url, "sa", "").migrate();
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(url, "sa", "");
            Statement query = db.createStatement();
            ResultSet row = query.executeQuery(
                "SELECT issuer, client_id, deployment_id, outcome, occurrences FROM launch_activity")) {
          while (row.next()) {
            rows.put(String.join(" | ", List.of(row.getString(1), row.getString(2), row.getString(3),
                row.getString(4))), row.getLong(5));
          }
        }
        return rows;
      } catch (RuntimeException | SQLException stillOpen) {
        if (System.nanoTime() > deadline) {
          throw stillOpen;
        }
        Thread.sleep(500);
      }
    }
  }
}
