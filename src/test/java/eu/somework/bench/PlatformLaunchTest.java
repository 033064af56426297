package eu.somework.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The load driver's launch against a stand-in tool on loopback that checks what the real one checks
 * of the driver's part: the id_token verifies with the key set the driver's platform serves, carries
 * the nonce and audience of the login, and comes with the login's state and cookie. A redirect Moodle
 * would refuse, or a refused launch, fails the launch.
 */
class PlatformLaunchTest {
  private HttpServer tool;
  private BenchPlatform platform;
  private String redirectUri;
  private int launchStatus = 303;

  @BeforeEach
  void start() throws IOException {
    platform = new BenchPlatform(0);
    tool = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tool.createContext("/lti/login", this::login);
    tool.createContext("/lti/launch", this::launch);
    tool.createContext("/app", ex -> answer(ex, 200, null, "<main>landing</main>"));
    tool.start();
    redirectUri = base() + "/lti/launch";
  }

  @AfterEach
  void stop() {
    tool.stop(0);
    platform.close();
  }

  private String base() {
    return "http://127.0.0.1:" + tool.getAddress().getPort();
  }

  @Test
  void aLaunchSignsWithThePublishedKeyAndEndsOnTheLandingPageWithItsSession() throws Exception {
    PlatformLaunch.Result result = new PlatformLaunch(base(), platform).launch(new LoadBrowser(), "learner-7");
    assertEquals("session-of-learner-7", result.sessionToken());
    assertEquals(4, result.nanos().size(), "every hop timed");
    assertEquals(1, platform.keySetFetches());
  }

  @Test
  void aRedirectToAnotherRedirectUriFailsTheLaunch() {
    redirectUri = base() + "/elsewhere";
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new PlatformLaunch(base(), platform).launch(new LoadBrowser(), "learner-7"));
    assertTrue(e.getMessage().contains("redirect_uri"), e.getMessage());
  }

  @Test
  void aRefusedLaunchFailsTheLaunch() {
    launchStatus = 400;
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new PlatformLaunch(base(), platform).launch(new LoadBrowser(), "learner-7"));
    assertTrue(e.getMessage().startsWith("POST /lti/launch answered HTTP 400"), e.getMessage());
  }

  private void login(HttpExchange ex) throws IOException {
    Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String query = "scope=openid&response_type=id_token&response_mode=form_post&prompt=none"
        + "&client_id=" + enc(form.get("client_id")) + "&redirect_uri=" + enc(redirectUri)
        + "&login_hint=" + enc(form.get("login_hint")) + "&lti_message_hint=" + enc(form.get("lti_message_hint"))
        + "&state=state-" + enc(form.get("login_hint")) + "&nonce=nonce-" + enc(form.get("login_hint"));
    ex.getResponseHeaders().add("Set-Cookie", "somework_login_x=cookie-" + form.get("login_hint") + "; Path=/lti");
    ex.getResponseHeaders().add("Location", form.get("iss") + "/mod/lti/auth.php?" + query);
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  private void launch(HttpExchange ex) throws IOException {
    Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    try {
      SignedJWT jwt = SignedJWT.parse(form.get("id_token"));
      RSAKey key = JWKSet.load(new URL(platform.issuer + "/mod/lti/certs.php")).getKeyByKeyId(jwt.getHeader().getKeyID())
          .toRSAKey();
      String user = jwt.getJWTClaimsSet().getSubject();
      boolean ok = jwt.verify(new RSASSAVerifier(key))
          && ("nonce-" + user).equals(jwt.getJWTClaimsSet().getStringClaim("nonce"))
          && jwt.getJWTClaimsSet().getAudience().equals(List.of(BenchPlatform.CLIENT_ID))
          && ("state-" + user).equals(form.get("state"))
          && String.valueOf(ex.getRequestHeaders().getFirst("Cookie")).contains("somework_login_x=cookie-" + user);
      if (!ok || launchStatus != 303) {
        answer(ex, ok ? launchStatus : 401, null, "refused");
        return;
      }
      answer(ex, 303, "/app?s=" + enc("session-of-" + user), "");
    } catch (Exception e) {
      answer(ex, 500, null, e.toString());
    }
  }

  private static void answer(HttpExchange ex, int status, String location, String body) throws IOException {
    if (location != null) {
      ex.getResponseHeaders().add("Location", location);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> values = new HashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return values;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
