package eu.somework.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The load driver once on tiny settings against the peer tool of issue 11 ({@link LtijsPeer}: ltijs
 * on an embedded PostgreSQL), so that the peer's command cannot rot: a few complete launches at
 * concurrency 1 and 2 and a few page reads, every figure reported, not one failed request. Beside
 * it, that the peer runs with a real deployment's cookie checks: the same id_token POST is refused
 * without the login's state cookie and accepted with it. Not a measurement (no time is asserted).
 * Needs node and npm (the peer's packages are installed by {@code npm ci} when missing). Ports:
 * it.platform.port + 2 (the peer), + 3 (the driver's platform), + 4 (PostgreSQL).
 */
class PeerLoadIT {
  private static final Path TARGET = Path.of(System.getProperty("it.war", "target/ROOT.war")).getParent();
  private static final Path APP = Path.of(System.getProperty("it.peer.dir", LtijsPeer.DIR));
  private static final int PORT = Integer.getInteger("it.platform.port", 18081) + 2;

  @Test
  void aFewLaunchesAndReadsIntoTheLtijsPeerAllSucceedAndAreReported() throws Exception {
    LoadDriver.Summary run = LoadDriver.run("--peer", "ltijs", "--peer-dir", APP.toString(),
        "--port", Integer.toString(PORT), "--data", TARGET.resolve("bench-it-peer-data").toString(),
        "--out", TARGET.resolve("bench-it-peer-result.md").toString(),
        "--concurrency", "1,2", "--seconds", "2", "--read-seconds", "1", "--warmup-seconds", "2",
        "--warmup-concurrency", "1", "--max-launches", "4", "--max-reads", "10", "--idle-seconds", "1", "--settle-seconds", "2");
    assertEquals(0, run.failures(), run.report());
    assertTrue(run.launches() >= 2, run.report());
    assertTrue(run.reads() >= 2, run.report());
    assertTrue(run.report().contains("— ltijs 5.9.9 (ltijs-sequelize 2.4.4, pg "), run.report());
    assertTrue(run.report().contains("| concurrency | launches | launches/s | p50 ms | p95 ms | p99 ms | max ms | errors"
        + " | tool CPU ms/launch | DB statements/launch |"), run.report());
    assertTrue(run.report().contains("| ltijs (`GET /ready`) |"), run.report());
  }

  @Test
  void thePeerRefusesTheIdTokenWithoutTheLoginsStateCookieAndAcceptsItWithTheCookie() throws Exception {
    Path data = TARGET.resolve("bench-it-peer-cookies");
    ToolProcess.deleteRecursively(data);
    LtijsPeer.prepare(APP);
    try (BenchDatabase database = BenchDatabase.postgres(data.resolve("postgres"), PORT + 2, LtijsPeer.DATABASE);
        BenchPlatform platform = new BenchPlatform(PORT + 1);
        ToolProcess peer = LtijsPeer.start(APP, PORT, data, platform, PORT + 2)) {
      peer.awaitReady(LtijsPeer.READY_PATH, Duration.ofSeconds(120));
      HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
      String target = peer.baseUrl + "/";
      HttpResponse<String> login = http.send(post(peer.baseUrl + "/login", Map.of("iss", platform.issuer,
          "target_link_uri", target, "login_hint", "cookie-learner", "client_id", BenchPlatform.CLIENT_ID,
          "lti_deployment_id", BenchPlatform.DEPLOYMENT_ID), null), HttpResponse.BodyHandlers.ofString());
      assertEquals(302, login.statusCode(), login.body());
      List<String> cookies = login.headers().allValues("Set-Cookie");
      assertEquals(1, cookies.size(), cookies.toString());
      assertTrue(cookies.get(0).contains("; Secure") && cookies.get(0).contains("; SameSite=None"), cookies.get(0));
      Map<String, String> redirect = query(URI.create(login.headers().firstValue("Location").orElseThrow()));
      Map<String, String> form = Map.of("id_token", platform.idToken("cookie-learner", redirect.get("nonce"), target),
          "state", redirect.get("state"));

      HttpResponse<String> withoutCookie = http.send(post(target, form, null), HttpResponse.BodyHandlers.ofString());
      assertEquals(401, withoutCookie.statusCode(), withoutCookie.body());

      HttpResponse<String> withCookie = http.send(post(target, form, cookies.get(0).split(";", 2)[0]),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(302, withCookie.statusCode(), withCookie.body());
      assertTrue(withCookie.headers().firstValue("Location").orElseThrow().startsWith("/?ltik="),
          withCookie.headers().toString());
    }
  }

  private static HttpRequest post(String uri, Map<String, String> form, String cookie) {
    StringBuilder body = new StringBuilder();
    form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
        .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return request.build();
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> values = new HashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return values;
  }
}
