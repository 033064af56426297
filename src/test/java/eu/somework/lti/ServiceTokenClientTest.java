package eu.somework.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client-credentials grant with a JWT assertion, against a token endpoint on this machine. */
class ServiceTokenClientTest {
  static final Instant NOW = Instant.parse("2026-02-02T08:00:00Z");
  static final String SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
  static final RSAKey TOOL_KEY = key();

  final AtomicReference<Map<String, String>> received = new AtomicReference<>();
  HttpServer server;

  static RSAKey key() {
    try {
      return new RSAKeyGenerator(2048).keyID("tool-1").generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  PlatformRegistration endpointAnswering(int status, String json) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/token", exchange -> {
      received.set(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return registration("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  static PlatformRegistration registration(String tokenEndpoint) {
    return new PlatformRegistration("Moodle", "https://moodle.example.org", "client-5", Set.of("1"),
        URI.create("https://moodle.example.org/mod/lti/auth.php"), URI.create(tokenEndpoint),
        URI.create("https://moodle.example.org/mod/lti/certs.php"));
  }

  static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return form;
  }

  final ServiceTokenClient client = new ServiceTokenClient(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(5));

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void tokenIsRequestedWithASignedClientAssertion() throws Exception {
    PlatformRegistration platform = endpointAnswering(200,
        "{\"access_token\":\"at-123\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"" + SCORE + "\"}");

    ServiceToken token = client.request(platform, TOOL_KEY, Set.of(SCORE));

    assertEquals("at-123", token.accessToken());
    assertEquals(Set.of(SCORE), token.scopes());
    assertTrue(token.isValidAt(NOW.plusSeconds(3000)));
    assertFalse(token.isValidAt(NOW.plusSeconds(3600)), "renewed a little before the platform's expiry");
    Map<String, String> form = received.get();
    assertEquals("client_credentials", form.get("grant_type"));
    assertEquals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form.get("client_assertion_type"));
    assertEquals(SCORE, form.get("scope"));
    SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
    assertTrue(assertion.verify(new RSASSAVerifier(TOOL_KEY.toPublicJWK())));
    assertEquals("tool-1", assertion.getHeader().getKeyID());
    JWTClaimsSet claims = assertion.getJWTClaimsSet();
    assertEquals("client-5", claims.getIssuer());
    assertEquals("client-5", claims.getSubject());
    assertEquals(platform.tokenEndpoint().toString(), claims.getAudience().get(0));
    assertTrue(claims.getExpirationTime().toInstant().isAfter(NOW));
    assertTrue(claims.getJWTID() != null && !claims.getJWTID().isBlank());
  }

  @Test
  void eachAssertionHasItsOwnJti() {
    PlatformRegistration platform = registration("https://moodle.example.org/mod/lti/token.php");
    assertFalse(client.assertion(platform, TOOL_KEY).equals(client.assertion(platform, TOOL_KEY)));
  }

  @Test
  void refusalSaysToCheckThatServicesAreSwitchedOn() throws Exception {
    PlatformRegistration platform = endpointAnswering(400, "{\"error\":\"invalid_scope\"}");
    LtiException e = assertThrows(LtiException.class, () -> client.request(platform, TOOL_KEY, Set.of(SCORE)));
    assertEquals(LtiFailure.SERVICE_TOKEN_REFUSED, e.failure());
    assertTrue(e.getMessage().contains("invalid_scope") && e.getMessage().contains("services switched on"),
        e.getMessage());
  }

  @Test
  void answerWithoutAccessTokenIsRefused() throws Exception {
    PlatformRegistration platform = endpointAnswering(200, "{\"token_type\":\"Bearer\"}");
    LtiException e = assertThrows(LtiException.class, () -> client.request(platform, TOOL_KEY, Set.of(SCORE)));
    assertTrue(e.getMessage().contains("no access_token"), e.getMessage());
  }

  @Test
  void answerThatIsNotJsonIsRefused() throws Exception {
    PlatformRegistration platform = endpointAnswering(502, "<html>Bad gateway</html>");
    LtiException e = assertThrows(LtiException.class, () -> client.request(platform, TOOL_KEY, Set.of(SCORE)));
    assertTrue(e.getMessage().contains("HTTP 502"), e.getMessage());
  }

  @Test
  void unreachableEndpointIsReported() {
    PlatformRegistration platform = registration("http://127.0.0.1:9/token");
    LtiException e = assertThrows(LtiException.class, () -> client.request(platform, TOOL_KEY, Set.of(SCORE)));
    assertEquals(LtiFailure.SERVICE_TOKEN_REFUSED, e.failure());
    assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
  }

  @Test
  void plainHttpTokenEndpointOffLoopbackIsRefusedWithoutSendingTheAssertion() {
    PlatformRegistration platform = registration("http://moodle.example.org/mod/lti/token.php");
    LtiException e = assertThrows(LtiException.class, () -> client.request(platform, TOOL_KEY, Set.of(SCORE)));
    assertEquals(LtiFailure.SERVICE_TOKEN_REFUSED, e.failure());
    assertTrue(e.getMessage().contains("the token endpoint must use https"), e.getMessage());
  }

  @Test
  void tokenIsNeverPrinted() {
    assertFalse(new ServiceToken("secret-at", Set.of(SCORE), NOW).toString().contains("secret-at"));
  }
}
