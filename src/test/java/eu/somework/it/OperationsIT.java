package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator's monitoring sees of a running tool: health answers for the load balancer and
 * orchestrator, Prometheus metrics, and the correlation id every request carries in and out.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsIT {
  static final String TOOL = MockPlatforms.TOOL;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TOOL + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aHealthyToolIsLiveAndReadyWithEachOfItsChecksUp() throws Exception {
    HttpResponse<String> ready = get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    for (String check : new String[] {"database", "schema-migrations", "score-outbox"}) {
      assertTrue(Pattern.compile("\"name\"\\s*:\\s*\"" + check + "\"[^}]*\"status\"\\s*:\\s*\"UP\"")
          .matcher(ready.body()).find(), check + " UP in " + ready.body());
    }
    HttpResponse<String> live = get("/health/live");
    assertEquals(200, live.statusCode(), live.body());
    assertTrue(live.body().contains("background-jobs"), live.body());
    assertTrue(live.body().contains("\"status\":\"UP\""), live.body());
  }

  @Test
  void metricsShowTheOutboxSessionsAndKeySetFetchesAfterALaunch() throws Exception {
    // a mock platform rather than the simulator: this class also runs as the institution runs the tool
    Browser.Page landing = LaunchFlowIT.launch(new Browser(), "b", "client-b", "1", "Learner");
    assertEquals("Student", landing.fact("role"));

    String metrics = get("/metrics").body();
    assertTrue(value(metrics, "somework_sessions_active").orElseThrow(() -> new AssertionError(metrics)) >= 1,
        "the launch's session is active");
    assertTrue(value(metrics, "somework_platform_keyset_fetches_total", "result=\"fetched\"")
        .orElseThrow(() -> new AssertionError(metrics)) >= 1, "the platform's key set was fetched");
    assertTrue(value(metrics, "somework_score_outbox_depth").isPresent(), metrics);
    assertTrue(value(metrics, "somework_score_outbox_oldest_age_seconds").isPresent(), metrics);
    assertTrue(!metrics.contains("user-Learner") && !metrics.contains(MockPlatforms.issuer("b")),
        "no person or issuer in any label");
  }

  /**
   * Payara's exporter printed a timer's quantiles (and sometimes its maximum) in nanoseconds under a
   * {@code _seconds} name: after a score delivery the platform answered only after {@value #SLOW_SCORE_MS} ms
   * and a launch, every series of both durations is in seconds — the slow attempt shows as at least
   * that long, and nothing is anywhere near 10⁹ times it.
   */
  @Test
  void everyDurationOnMetricsIsInSecondsAfterASlowScoreDeliveryAndALaunch(TestInfo test) throws Exception {
    MockGradebook gradebook = MockPlatforms.get().gradebook();
    String course = "ops-" + test.getTestMethod().orElseThrow().getName();
    String lineItem = gradebook.openLineItem(course, "Reflection on data protection", 14);
    gradebook.answerScoresAfter(course, Duration.ofMillis(SLOW_SCORE_MS));
    GradingChecks.Member learner = GradingChecks.launchWithGradebook(course, lineItem, "u-ops-slow-score", "Learner",
        "Olli Operations");
    GradingChecks.submit(learner, "<p>A reflection whose score meets a slow gradebook.</p>");
    gradebook.awaitScores(course, 1, Duration.ofSeconds(60));

    String metrics = MockGradebook.await(() -> get("/metrics").body(),
        body -> value(body, "somework_score_delivery_seconds_max").orElse(0.0) >= SLOW_SECONDS,
        Duration.ofSeconds(30), "the slow delivery's attempt on /metrics");
    List<String> delivery = series(metrics, "somework_score_delivery_seconds");
    assertEquals(List.of("somework_score_delivery_seconds", "somework_score_delivery_seconds_count",
        "somework_score_delivery_seconds_max", "somework_score_delivery_seconds_sum"),
        delivery.stream().map(OperationsIT::name).distinct().sorted().toList(), metrics);
    double attempts = value(metrics, "somework_score_delivery_seconds_count").orElseThrow();
    assertTrue(attempts >= 1, metrics);
    double sum = value(metrics, "somework_score_delivery_seconds_sum").orElseThrow();
    assertTrue(sum >= SLOW_SECONDS && sum < attempts * PLAUSIBLE_SECONDS, "in seconds: _sum " + sum);
    for (String line : delivery) {
      double seconds = sample(line);
      if (name(line).endsWith("_count") || name(line).endsWith("_sum")) {
        continue;
      } else if (name(line).endsWith("_max") || line.contains("quantile=\"0.999\"")) {
        assertTrue(seconds >= SLOW_SECONDS && seconds < PLAUSIBLE_SECONDS,
            "in seconds, the slow attempt included: " + line);
      } else {
        assertTrue(seconds >= 0 && seconds < PLAUSIBLE_SECONDS, "in seconds: " + line);
      }
    }
    assertTrue(delivery.stream().filter(line -> line.contains("quantile=")).count() >= 4, metrics);

    List<String> launches = series(metrics, "somework_launch_duration_seconds");
    assertTrue(launches.stream().anyMatch(line -> line.contains("result=\"accepted\"") && line.contains("quantile=")),
        metrics);
    for (String line : launches) {
      if (!name(line).endsWith("_count") && !name(line).endsWith("_sum")) {
        assertTrue(sample(line) >= 0 && sample(line) < PLAUSIBLE_SECONDS, "in seconds: " + line);
      }
    }
    for (String line : metrics.lines().filter(l -> l.startsWith("somework_") && name(l).contains("_seconds")
        && !name(l).endsWith("_count") && !name(l).endsWith("_sum")).toList()) {
      assertTrue(sample(line) < 1e6, "no duration of the tool's in nanoseconds: " + line);
    }
  }

  private static final long SLOW_SCORE_MS = 2000;
  private static final double SLOW_SECONDS = SLOW_SCORE_MS / 1000.0;
  /** Far above any attempt or launch here, far below the same in nanoseconds. */
  private static final double PLAUSIBLE_SECONDS = 60;

  /** The samples (not comments) of {@code family}: its own lines and those of its {@code _suffix} series. */
  private static List<String> series(String metrics, String family) {
    return metrics.lines().filter(line -> !line.startsWith("#"))
        .filter(line -> name(line).equals(family) || name(line).matches(family + "_(count|sum|max|mean)")).toList();
  }

  private static String name(String sample) {
    return sample.split("[{ ]", 2)[0];
  }

  private static double sample(String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  /** The sample of {@code name} whose labels contain {@code labels}, in Prometheus's text format. */
  private static Optional<Double> value(String metrics, String name, String... labels) {
    return metrics.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .filter(line -> Arrays.stream(labels).allMatch(line::contains))
        .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst();
  }

  @Test
  void aWellFormedRequestIdComesBackAndNamesTheErrorPageOfItsRequest() throws Exception {
    HttpResponse<String> refused = get("/app?s=not-a-session", "X-Request-Id", "it-ops-0042");
    assertEquals(401, refused.statusCode());
    assertEquals("it-ops-0042", refused.headers().firstValue("X-Request-Id").orElse(null));
    assertTrue(refused.body().contains("it-ops-0042"), "the error page quotes the same id: " + refused.body());
  }

  @Test
  void aMalformedRequestIdIsReplacedByTheTools() throws Exception {
    HttpResponse<String> page = get("/.well-known/jwks.json", "X-Request-Id", "<script>alert(1)</script>");
    String id = page.headers().firstValue("X-Request-Id").orElse("");
    Matcher hex = Pattern.compile("[0-9a-f]{16}").matcher(id);
    assertTrue(hex.matches(), id);
    assertTrue(get("/static/nothing-here.css").headers().firstValue("X-Request-Id").isPresent(),
        "a request no resource matched has one too");
  }
}
