package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
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
