package eu.somework.lti;

import static eu.somework.lti.LtiAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two exchanges of Dynamic Registration over real HTTP with a Moodle stand-in on 127.0.0.1:
 * the registration token travels as a Bearer token, the platform's refusal keeps its message, and
 * what a hostile or broken server answers is bounded.
 */
class DynamicRegistrationClientTest {
  private HttpServer server;
  private String origin;
  private final Map<String, String> authorizations = new ConcurrentHashMap<>();
  private volatile int registrationStatus = 200;
  private volatile String registrationBody = PlatformConfigurationTest.fixture("moodle-4.x-registration-answer.json");
  private volatile String registrationType = "application/json";
  private volatile String configuration;
  private final DynamicRegistrationClient client =
      new DynamicRegistrationClient(Duration.ofSeconds(2), Duration.ofSeconds(3));

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    origin = "http://127.0.0.1:" + server.getAddress().getPort();
    configuration = PlatformConfigurationTest.fixture("moodle-4.x-configuration.json")
        .replace("https://moodle.example.edu", origin);
    server.createContext("/mod/lti/openid-configuration.php", ex -> {
      record(ex, "configuration");
      answer(ex, 200, "application/json", configuration);
    });
    server.createContext("/mod/lti/openid-registration.php", ex -> {
      record(ex, "registration");
      answer(ex, registrationStatus, registrationType, registrationBody);
    });
    server.createContext("/moved", ex -> {
      ex.getResponseHeaders().set("Location", origin + "/mod/lti/openid-configuration.php");
      answer(ex, 302, "text/plain", "");
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void record(HttpExchange ex, String which) throws IOException {
    ex.getRequestBody().readAllBytes();
    authorizations.put(which, String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
  }

  private static void answer(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private URI configurationUrl() {
    return URI.create(origin + "/mod/lti/openid-configuration.php");
  }

  @Test
  void registrationTokenTravelsAsBearerToBothEndpointsAndTheClientIdComesBack() throws Exception {
    PlatformConfiguration platform = client.fetchConfiguration(configurationUrl(), Optional.of("reg-token-1"));
    ClientRegistration registered = client.register(platform, "{}", Optional.of("reg-token-1"));
    assertEquals("c7DqgpV2Kx0aLlW", registered.clientId());
    assertEquals(Optional.of("17"), registered.deploymentId());
    assertEquals("Bearer reg-token-1", authorizations.get("configuration"));
    assertEquals("Bearer reg-token-1", authorizations.get("registration"));
  }

  @Test
  void withoutATokenNoAuthorizationIsSent() throws Exception {
    client.fetchConfiguration(configurationUrl(), Optional.empty());
    assertEquals("null", authorizations.get("configuration"));
  }

  @Test
  void moodlesPlainTextRefusalUnderAnHtmlContentTypeIsQuoted() throws Exception {
    registrationStatus = 401;
    registrationType = "text/html; charset=utf-8"; // PHP's default, which Moodle's error answer keeps
    registrationBody = "missing_registration_token";
    PlatformConfiguration platform = client.fetchConfiguration(configurationUrl(), Optional.empty());
    LtiException e = assertThrows(LtiException.class, () -> client.register(platform, "{}", Optional.empty()));
    assertRejected(e, LtiFailure.REGISTRATION_REFUSED,
        "The platform refused the registration (HTTP 401): missing_registration_token.");
  }

  @Test
  void jsonRefusalGivesItsDescription() throws Exception {
    registrationStatus = 400;
    registrationBody = "{\"error\":\"invalid_redirect_uri\",\"error_description\":\"Redirect URIs must be https\"}";
    PlatformConfiguration platform = client.fetchConfiguration(configurationUrl(), Optional.empty());
    LtiException e = assertThrows(LtiException.class, () -> client.register(platform, "{}", Optional.empty()));
    assertRejected(e, LtiFailure.REGISTRATION_REFUSED, "(HTTP 400): Redirect URIs must be https");
  }

  @Test
  void anHtmlErrorPageIsNotQuoted() throws Exception {
    registrationStatus = 500;
    registrationBody = "<!DOCTYPE html><html><body>Stack trace …</body></html>";
    PlatformConfiguration platform = client.fetchConfiguration(configurationUrl(), Optional.empty());
    LtiException e = assertThrows(LtiException.class, () -> client.register(platform, "{}", Optional.empty()));
    assertEquals("The platform refused the registration (HTTP 500).", e.getMessage());
  }

  @Test
  void oversizedConfigurationIsRefused() {
    configuration = "{\"pad\":\"" + "x".repeat(DynamicRegistrationClient.MAX_BODY_BYTES) + "\"}";
    LtiException e = assertThrows(LtiException.class,
        () -> client.fetchConfiguration(configurationUrl(), Optional.empty()));
    assertRejected(e, LtiFailure.PLATFORM_CONFIGURATION_UNAVAILABLE, "larger than 65536 bytes");
  }

  @Test
  void redirectOfTheConfigurationIsNotFollowed() {
    LtiException e = assertThrows(LtiException.class,
        () -> client.fetchConfiguration(URI.create(origin + "/moved"), Optional.empty()));
    assertRejected(e, LtiFailure.PLATFORM_CONFIGURATION_UNAVAILABLE, "answered HTTP 302");
  }

  @Test
  void unreachablePlatformIsNamed() {
    server.stop(0);
    LtiException e = assertThrows(LtiException.class,
        () -> client.fetchConfiguration(configurationUrl(), Optional.of("secret-token")));
    assertRejected(e, LtiFailure.PLATFORM_CONFIGURATION_UNAVAILABLE, "No answer from the platform's OpenID configuration");
    assertFalse(e.getMessage().contains("secret-token"));
  }

  @Test
  void plainHttpConfigurationUrlOffLoopbackIsRefusedWithoutAsking() {
    LtiException e = assertThrows(LtiException.class, () -> DynamicRegistrationClient.configurationUrl(
        "http://moodle.example.edu/mod/lti/openid-configuration.php"));
    assertRejected(e, LtiFailure.REGISTRATION_START_INVALID, "must use https");
  }

  @Test
  void missingConfigurationUrlIsRefused() {
    LtiException e = assertThrows(LtiException.class, () -> DynamicRegistrationClient.configurationUrl(" "));
    assertRejected(e, LtiFailure.REGISTRATION_START_INVALID, "without the platform's openid_configuration URL");
  }

  @Test
  void relativeConfigurationUrlIsRefused() {
    LtiException e = assertThrows(LtiException.class,
        () -> DynamicRegistrationClient.configurationUrl("/mod/lti/openid-configuration.php"));
    assertRejected(e, LtiFailure.REGISTRATION_START_INVALID, "not an absolute URL");
  }

  @Test
  void eachUnusualConfigurationUrlGetsItsOwnReason() {
    assertEquals("scheme", code("javascript:alert(1)"));
    assertEquals("scheme", code("file:///etc/passwd"));
    assertEquals("userInfo", code("http://a@localhost:18170/simulator/.well-known/openid-configuration"));
    assertEquals("httpsOnly", code("http://moodle.example.edu/mod/lti/openid-configuration.php"));
    assertEquals("notAbsolute", code("/mod/lti/openid-configuration.php"));
  }

  private static String code(String url) {
    return assertThrows(LtiException.class, () -> DynamicRegistrationClient.configurationUrl(url)).reasonCode()
        .orElseThrow();
  }

  @Test
  void internationalisedHostIsAcceptedAsPunycode() throws LtiException {
    URI uri = DynamicRegistrationClient.configurationUrl("https://bücher.example:8443/.well-known/openid-configuration");
    assertEquals("xn--bcher-kva.example", uri.getHost());
    assertEquals(8443, uri.getPort());
    assertEquals("/.well-known/openid-configuration", uri.getPath());
  }

  @Test
  void aPlatformMessageEndingInAFullStopGetsNoSecondOne() {
    assertEquals("The token was already used.", DynamicRegistrationClient.sentence("The token was already used."));
    assertEquals("missing_registration_token.", DynamicRegistrationClient.sentence("missing_registration_token"));
  }

  @Test
  void aHostThatDoesNotResolveIsCalledUnknown() {
    java.net.ConnectException wrapped = new java.net.ConnectException();
    wrapped.initCause(new java.nio.channels.UnresolvedAddressException());
    assertEquals("unknown host", JwksFetcher.plainReason(wrapped));
    assertEquals("connection refused", JwksFetcher.plainReason(new java.net.ConnectException()));
  }
}
