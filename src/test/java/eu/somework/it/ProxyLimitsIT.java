package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The per-address limits behind a reverse proxy (docs/cluster.md), through a real server: the
 * runnable jar ({@code target/somework.jar}) started once for this class on an H2 database of its
 * own, trusting the proxies {@code 127.0.0.1/32,::1/128} and with a login rate of 2 a minute (the
 * Arquillian server keeps its settings for the other classes). Requests from 127.0.0.1 play the
 * proxy and name the client in {@code X-Forwarded-For}; requests from 127.0.0.2 and 127.0.0.3 (not
 * trusted) play clients that reach the instance directly and cannot choose their address with the
 * header. Every client address here is used by one test only, so the tests do not depend on each
 * other's counts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProxyLimitsIT {
  private static final int PORT = Integer.getInteger("it.port", 18080) + 3;
  private static final String TOOL = "http://localhost:" + PORT;
  private static final int LOGINS_PER_MINUTE = 2;
  private static final String PROXY = "127.0.0.1";
  private static final String WRONG_TOKEN = "Authorization: Bearer wrong-token-0123456789abcdef0123456789\r\n";
  private static Process server;
  private static Path log;

  @BeforeAll
  static void start() throws Exception {
    assertTrue(Files.isRegularFile(RunnableJarIT.JAR), RunnableJarIT.JAR + " is missing: run after mvn package");
    Path root = RunnableJarIT.JAR.getParent().resolve("proxy-limits");
    if (Files.exists(root)) {
      try (Stream<Path> paths = Files.walk(root)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(root);
    log = root.resolve("server.log");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dsomework.simulator.enabled=false",
        "-Dsomework.data-dir=" + root.resolve("data"),
        "-Dsomework.lti-config-dir=" + System.getProperty("it.lti.config.dir"),
        "-Dsomework.content-dir=" + System.getProperty("it.content.dir"),
        "-Dsomework.base-url=" + TOOL,
        "-Dsomework.admin.password-hash=$2a$04$czr1.DY8bPi8ObdtI89uAu6RXV2wed2B2c.GeqGefXa/z1xnn4iqK",
        "-Dsomework.admin.token-sha256=1b511b3dc8f8bd55303a7dbf34c50810001b3df37b0cc33ea0859b601d001244",
        "-Dsomework.proxy.trusted-addresses=127.0.0.1/32,::1/128",
        "-Dsomework.login.rate-per-minute=" + LOGINS_PER_MINUTE,
        "-jar", RunnableJarIT.JAR.toString(),
        "--port", String.valueOf(PORT),
        "--rootdir", root.resolve("payara").toString(),
        "--prebootcommandfile", System.getProperty("it.preboot"));
    server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    awaitReady();
  }

  /**
   * Waits for Payara's "ready" line, then for /health/ready to answer 200. Not polling before the
   * line: a request that reaches the application while it is still being deployed can initialise
   * its beans on a request thread before the application's class loader is complete, and the start
   * then fails (seen here: the content catalogue could not load its precompiled templates).
   */
  private static void awaitReady() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
    while (!Files.readString(log, StandardCharsets.UTF_8).matches("(?s).*Payara Micro .* ready in .*")) {
      if (!server.isAlive()) {
        throw new AssertionError("The server ended with code " + server.exitValue() + "; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The server was not ready within 300 s; see " + log);
      }
      Thread.sleep(500);
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new AssertionError("The server ended with code " + server.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(TOOL + "/health/ready"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError("The server was not ready within 300 s; see " + log);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static RawHttp.Answer login(String from, String forwardedFor) throws Exception {
    String path = "/lti/login?iss=" + URLEncoder.encode(MockPlatforms.issuer("b"), StandardCharsets.UTF_8)
        + "&login_hint=u1&target_link_uri=" + URLEncoder.encode(TOOL + "/lti/launch", StandardCharsets.UTF_8);
    return RawHttp.get(PORT, from, path, forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n");
  }

  private static RawHttp.Answer wrongToken(String from, String forwardedFor) throws Exception {
    return RawHttp.get(PORT, from, "/admin/api/registrations", WRONG_TOKEN + "X-Forwarded-For: " + forwardedFor + "\r\n");
  }

  private static RawHttp.Answer signIn(String from, String forwardedFor, String password) throws Exception {
    return RawHttp.postForm(PORT, from, "/admin/sign-in", "X-Forwarded-For: " + forwardedFor + "\r\n",
        "user=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
  }

  /**
   * Logins until the first refusal (at most 20); asserts that it came after the configured rate (at
   * once, plus what came back while the loop ran) and is a 429 with Retry-After.
   */
  private static RawHttp.Answer exhaustLogins(String from, java.util.function.IntFunction<String> forwardedFor)
      throws Exception {
    long started = System.nanoTime();
    int accepted = 0;
    RawHttp.Answer answer = login(from, forwardedFor.apply(0));
    while (answer.status() == 302 && accepted < 20) {
      accepted++;
      answer = login(from, forwardedFor.apply(accepted));
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    assertEquals(429, answer.status(), answer.text());
    assertTrue(accepted >= LOGINS_PER_MINUTE && accepted <= LOGINS_PER_MINUTE + 1 + seconds * LOGINS_PER_MINUTE / 60,
        accepted + " logins accepted in " + seconds + " s");
    assertTrue(Integer.parseInt(answer.header("Retry-After")) >= 1, answer.text());
    assertTrue(answer.text().contains("LOGIN_RATE_LIMITED"), answer.text());
    return answer;
  }

  @Test
  @Order(1)
  void behindTheTrustedProxyEachForwardedClientHasItsOwnLoginLimit() throws Exception {
    exhaustLogins(PROXY, i -> "203.0.113.7");
    assertEquals(302, login(PROXY, "203.0.113.8").status(), "another client behind the proxy is admitted");
    // a client that writes its own X-Forwarded-For: nginx appends the address it saw, and the
    // right-most address that is not a trusted proxy counts
    assertEquals(429, login(PROXY, "198.51.100.1, 203.0.113.7").status(), "a forged entry to the left is not used");
    assertEquals(429, login(PROXY, "203.0.113.7, 127.0.0.1").status(), "a trusted proxy in the chain is skipped");
    assertEquals(302, login(PROXY, "203.0.113.8, 127.0.0.1").status(), "and the client before it counts");
  }

  @Test
  @Order(2)
  void aClientNotComingThroughATrustedProxyCannotEscapeItsLimitWithTheHeader() throws Exception {
    // 127.0.0.2 is not a trusted proxy: each login names another client, all count as 127.0.0.2
    exhaustLogins("127.0.0.2", i -> "203.0.113." + (20 + i));
    assertEquals(429, login("127.0.0.2", "203.0.113.9").status(), "a fresh address in the header changes nothing");
    assertEquals(429, login("127.0.0.2", null).status());
    assertEquals(302, login("127.0.0.3", null).status(), "another socket address is not held up");
  }

  @Test
  @Order(3)
  void behindTheTrustedProxyTheAdministratorsLockOutHoldsPerForwardedClient() throws Exception {
    RawHttp.Answer answer = wrongToken(PROXY, "203.0.113.40");
    for (int i = 0; i < 12 && answer.status() == 401; i++) {
      answer = wrongToken(PROXY, "203.0.113.40");
    }
    assertEquals(429, answer.status(), "locked out within 12 wrong tokens: " + answer.text());
    assertNotNull(answer.header("Retry-After"), answer.text());
    assertEquals(401, wrongToken(PROXY, "203.0.113.41").status(), "another client behind the proxy is not locked out");
    assertEquals(429, wrongToken(PROXY, "198.51.100.1, 203.0.113.40").status(), "a forged entry to the left is not used");

    RawHttp.Answer signIn = signIn(PROXY, "203.0.113.40", AdminConsoleChecks.PASSWORD);
    assertEquals(429, signIn.status(), "the sign-in shares the lock-out, even with the right password");
    assertTrue(signIn.text().contains("Too many failed sign-ins from your address."), signIn.text());
    assertEquals(303, signIn(PROXY, "203.0.113.41", AdminConsoleChecks.PASSWORD).status(),
        "another client behind the proxy signs in");
  }

  @Test
  @Order(4)
  void aClientNotComingThroughATrustedProxyIsLockedOutWhateverItsHeaderSays() throws Exception {
    RawHttp.Answer answer = wrongToken("127.0.0.3", "203.0.113.50");
    for (int i = 1; i <= 12 && answer.status() == 401; i++) {
      answer = wrongToken("127.0.0.3", "203.0.113." + (50 + i));
    }
    assertEquals(429, answer.status(), "locked out within 12 wrong tokens: " + answer.text());
    assertEquals(429, signIn("127.0.0.3", "203.0.113.99", AdminConsoleChecks.PASSWORD).status());
    assertEquals(200, RawHttp.get(PORT, "127.0.0.3", "/admin/api/registrations",
        "Authorization: Bearer " + AdminConsoleChecks.TOKEN + "\r\n").status(), "the right token still works");
  }
}
