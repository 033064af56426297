package eu.somework.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import eu.somework.config.Settings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The refusals {@code /lti/register} gives before it asks any platform: in production a platform
 * on the tool's own machine is refused (the public URL must not reach loopback services), and the
 * page may be framed only by the configuration URL's site; with {@code somework.registration.dynamic=off}
 * every start is refused with 403. When fetching or checking the platform's configuration fails, the
 * refusal page says why in its own language.
 */
class RegistrationResourceTest {

  static RegistrationResource resource(boolean production) {
    return resource(production, Settings.DynamicRegistration.ON);
  }

  static RegistrationResource resource(boolean production, Settings.DynamicRegistration dynamic) {
    RegistrationResource resource = new RegistrationResource();
    resource.registrations = new DynamicRegistrations(); // never reaches a platform in these tests
    resource.clientAddress = new eu.somework.web.ClientAddress(java.util.List.of());
    resource.settings = new Settings() {
      @Override
      public boolean production() {
        return production;
      }

      @Override
      public DynamicRegistration dynamicRegistration() {
        return dynamic;
      }
    };
    return resource;
  }

  static HttpServletRequest from(String address) {
    return (HttpServletRequest) Proxy.newProxyInstance(RegistrationResourceTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class},
        (proxy, method, args) -> method.getName().equals("getRemoteAddr") ? address : null);
  }

  @Test
  void inProductionAPlatformOnLoopbackIsRefusedWithoutAskingIt() {
    Response answer = resource(true).register("http://127.0.0.1:1/mod/lti/openid-configuration.php", "t", null,
        from("192.0.2.1"));
    assertEquals(400, answer.getStatus());
    assertTrue(((String) answer.getEntity()).contains("on its own machine (loopback)"), (String) answer.getEntity());
    assertEquals("no-store", answer.getHeaderString("Cache-Control"));
  }

  @Test
  void whenDynamicRegistrationIsOffEveryStartIsRefusedWith403AndAClearPage() {
    Response answer = resource(false, Settings.DynamicRegistration.OFF).register(
        "https://moodle.example.edu/mod/lti/openid-configuration.php", "t", "fi", from("192.0.2.4"));
    assertEquals(403, answer.getStatus());
    String page = (String) answer.getEntity();
    assertTrue(page.contains("Tämä SoMe@Work ei ota vastaan dynaamisia rekisteröintejä."), page);
    assertTrue(page.contains("data-result=\"refused\""), page);
  }

  @Test
  void aRegistrationHeldForAnAdministratorSaysSoOnItsClosingPage() {
    DynamicRegistrations.Registered held = new DynamicRegistrations.Registered("Moodle at moodle.example.edu",
        "https://moodle.example.edu", "client-1", java.util.Optional.of("3"), false, false, true);
    String page = RegistrationPage.done(eu.somework.web.Messages.of(eu.somework.web.UiLanguage.EN), held);
    assertTrue(page.contains("data-fact=\"awaiting-approval\">The registration is stored switched off"), page);
    String live = RegistrationPage.done(eu.somework.web.Messages.of(eu.somework.web.UiLanguage.EN),
        new DynamicRegistrations.Registered("Moodle", "https://moodle.example.edu", "client-1",
            java.util.Optional.of("3"), false, false, false));
    assertTrue(!live.contains("awaiting-approval"), live);
  }

  @Test
  void refusalPageMayBeFramedByTheConfigurationUrlsSiteOnly() {
    Response answer = resource(true).register("http://localhost:1/mod/lti/openid-configuration.php", null, null,
        from("192.0.2.2"));
    String csp = answer.getHeaderString("Content-Security-Policy");
    assertTrue(csp.contains("frame-ancestors 'self' http://localhost:1;"), csp);
  }

  @Test
  void withoutAUsableConfigurationUrlNobodyElseMayFrameThePage() {
    Response answer = resource(false).register("ftp://moodle.example.edu/config", null, null, from("192.0.2.3"));
    assertEquals(400, answer.getStatus());
    assertTrue(answer.getHeaderString("Content-Security-Policy").contains("frame-ancestors 'self';"),
        answer.getHeaderString("Content-Security-Policy"));
  }

  @Test
  void aRefusedPlainHttpUrlIsShownInsideThePlatformsFrame() {
    Response answer = resource(false).register("http://moodle.example.edu/mod/lti/openid-configuration.php", "x", null,
        from("192.0.2.4"));
    assertEquals(400, answer.getStatus());
    String csp = answer.getHeaderString("Content-Security-Policy");
    assertTrue(csp.contains("frame-ancestors 'self' http://moodle.example.edu;"), csp);
    assertTrue(((String) answer.getEntity()).contains("must use https"), (String) answer.getEntity());
  }

  @Test
  void theRefusalIsInThePagesLanguageWithOneFullStopTheGuideAndAClose() {
    Response answer = resource(false).register("https://a@moodle.example.edu/x", "x", "fi", from("192.0.2.5"));
    String html = (String) answer.getEntity();
    assertTrue(html.contains("ei saa olla käyttäjänimeä"), html);
    assertFalse(html.contains(".."), html);
    assertTrue(html.contains("lti-config/README.md"), html);
    assertFalse(html.contains("README of SoMe@Work"), html);
    assertTrue(html.contains("id=\"close-registration\""), html);
    assertTrue(html.contains("<script src=\"/static/registration-close.js\"></script>"), html);
  }

  @Test
  void aSchemeOtherThanHttpIsNamedAsSuch() {
    Response answer = resource(false).register("javascript:alert(1)", null, null, from("192.0.2.6"));
    assertEquals(400, answer.getStatus());
    assertTrue(((String) answer.getEntity()).contains("must start with https://"), (String) answer.getEntity());
    assertTrue(answer.getHeaderString("Content-Security-Policy").contains("frame-ancestors 'self';"));
  }

  /** A platform on loopback whose configuration URL answers {@code status} with {@code body}. */
  private static HttpServer platform(int status, String body) throws java.io.IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    return server;
  }

  private static String refusal(String configurationUrl, String language, String address) {
    Response answer = resource(false).register(configurationUrl, "t", language, from(address));
    assertEquals(502, answer.getStatus());
    return (String) answer.getEntity();
  }

  /**
   * The refusal page in {@code language} of a start whose configuration URL, on a platform on
   * loopback, answers {@code status} with {@code body}; the platform's port written as PORT.
   */
  private static String refusalFrom(int status, String body, String language, String address) throws Exception {
    HttpServer server = platform(status, body);
    try {
      int port = server.getAddress().getPort();
      return refusal("http://127.0.0.1:" + port + "/mod/lti/openid-configuration.php", language, address)
          .replace("127.0.0.1:" + port, "127.0.0.1:PORT");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aConfigurationUrlThatAnswersAnErrorIsRefusedInThePagesLanguage() throws Exception {
    String page = refusalFrom(404, "not_found", "lv", "192.0.2.7");
    assertTrue(page.contains("Platformas OpenID konfigurācijas URL atbildēja ar HTTP 404: not_found."), page);
    assertFalse(page.contains("answered HTTP"), page);
  }

  @Test
  void aConfigurationThatFailsItsChecksIsRefusedInThePagesLanguage() throws Exception {
    String page = refusalFrom(200, "{\"issuer\": \"https://elsewhere.example.edu\"}", "pl", "192.0.2.8");
    assertTrue(page.contains("W konfiguracji OpenID platformy issuer https://elsewhere.example.edu nie leży"
        + " w witrynie adresu konfiguracji (http://127.0.0.1:PORT)."), page);
    assertFalse(page.contains("is not on the configuration"), page);
  }

  @Test
  void aPlatformThatCannotBeReachedIsRefusedInThePagesLanguage() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String page = refusal("http://127.0.0.1:" + closedPort + "/openid-configuration", "fi", "192.0.2.9");
    assertTrue(page.contains("Alusta palvelimella 127.0.0.1 ei vastannut: yhteys evättiin."), page);
    assertFalse(page.contains("No answer"), page);
  }
}
