package eu.somework.it;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Moodle 4.x as far as Dynamic Registration goes, on 127.0.0.1 (it.platform.port + 5):
 * {@code /mod/lti/openid-configuration.php} with Moodle's fields, {@code /mod/lti/openid-registration.php}
 * that wants the registration token as Bearer (answering Moodle's plain-text
 * {@code missing_registration_token} with 401 otherwise), gives the client id the token stands for
 * and a new deployment (tool type) id per registration, and answers in Moodle's shapes
 * ({@code application_type} as a list); {@code /mod/lti/certs.php} publishes the key it signs
 * id_tokens with. Its issuer is the origin it was asked on, so {@code localhost} and
 * {@code 127.0.0.1} are two platforms. Under {@code /wrong-issuer/} its configuration names another
 * site as issuer; under {@code /refusing/} its registration endpoint refuses with a message.
 */
final class MockMoodle implements AutoCloseable {
  static final int PORT = MockPlatforms.PORT + 5;
  static final String REFUSAL = "invalid_redirect_uris <b>not https</b>";

  private final HttpServer server;
  private final RSAKey key = MockPlatforms.newKey();
  private final Map<String, String> clientIdOfToken = new ConcurrentHashMap<>();
  private final List<Map<String, Object>> registrationRequests = new CopyOnWriteArrayList<>();
  private final AtomicInteger nextTypeId = new AtomicInteger(40);

  MockMoodle() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  static String origin(String host) {
    return "http://" + host + ":" + PORT;
  }

  /** The token the platform hands the tool, standing for the client id it will give. */
  String issueToken(String token, String clientId) {
    clientIdOfToken.put(token, clientId);
    return token;
  }

  RSAKey key() {
    return key;
  }

  List<Map<String, Object>> registrationRequests() {
    return registrationRequests;
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String origin = "http://" + ex.getRequestHeaders().getFirst("Host");
    if (path.endsWith("/mod/lti/openid-configuration.php")) {
      String prefix = path.substring(0, path.indexOf("/mod/lti/"));
      String issuer = prefix.equals("/wrong-issuer") ? origin("moodle.example.edu") : origin;
      answer(ex, 200, "application/json", configuration(issuer, origin + prefix));
    } else if (path.endsWith("/mod/lti/openid-registration.php")) {
      register(ex, path.startsWith("/refusing/"));
    } else if (path.equals("/admin/manage-tools")) {
      answer(ex, 200, "text/html; charset=utf-8", manageToolsPage(origin, ex.getRequestURI().getQuery()));
    } else if (path.equals("/mod/lti/certs.php")) {
      answer(ex, 200, "application/json", new JWKSet(key.toPublicJWK()).toString(true));
    } else {
      answer(ex, 404, "text/plain", "not found");
    }
  }

  private void register(HttpExchange ex, boolean refusing) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String authorization = ex.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      answer(ex, 401, "text/html; charset=utf-8", "missing_registration_token"); // as Moodle: PHP's default type
      return;
    }
    String clientId = clientIdOfToken.get(authorization.substring(7));
    if (clientId == null) {
      answer(ex, 401, "text/html; charset=utf-8", "invalid_registration_token");
      return;
    }
    Map<String, Object> request;
    try {
      request = JSONObjectUtils.parse(body);
    } catch (ParseException e) {
      answer(ex, 400, "text/html; charset=utf-8", "missing required attribute response_types");
      return;
    }
    registrationRequests.add(request);
    if (refusing) {
      answer(ex, 400, "text/html; charset=utf-8", REFUSAL);
      return;
    }
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("deployment_id", String.valueOf(nextTypeId.incrementAndGet()));
    tool.put("target_link_uri", "whatever-moodle-stored");
    tool.put("claims", List.of("sub", "iss", "name", "family_name", "middle_name", "email"));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("client_id", clientId);
    answer.put("application_type", List.of("web"));
    answer.put("token_endpoint_auth_method", "private_key_jwt");
    answer.put("grant_types", List.of("client_credentials", "implicit"));
    answer.put("scope", request.getOrDefault("scope", ""));
    answer.put("https://purl.imsglobal.org/spec/lti-tool-configuration", tool);
    answer(ex, 200, "application/json; charset=utf-8", JSONObjectUtils.toJSONString(answer));
  }

  /**
   * Moodle's "Manage tools" page after "Add LTI Advantage": the tool's registration URL in an
   * iframe, and what the page heard from it by postMessage in {@code #heard}.
   */
  private static String manageToolsPage(String origin, String token) {
    String src = MockPlatforms.TOOL + "/lti/register?openid_configuration="
        + java.net.URLEncoder.encode(origin + "/mod/lti/openid-configuration.php", StandardCharsets.UTF_8)
        + "&amp;registration_token=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8);
    return "<!DOCTYPE html><html><body><p id=\"heard\">nothing</p>"
        + "<iframe name=\"registration\" src=\"" + src + "\" width=\"800\" height=\"600\"></iframe>"
        + "<script>window.addEventListener('message', function (e) {"
        + " document.getElementById('heard').textContent = (e.data && e.data.subject) || 'other'; });</script>"
        + "</body></html>";
  }

  private static String configuration(String issuer, String base) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("issuer", issuer);
    c.put("token_endpoint", base + "/mod/lti/token.php");
    c.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
    c.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
    c.put("jwks_uri", base + "/mod/lti/certs.php");
    c.put("authorization_endpoint", base + "/mod/lti/auth.php");
    c.put("registration_endpoint", base + "/mod/lti/openid-registration.php");
    c.put("scopes_supported", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
        "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
        "https://purl.imsglobal.org/spec/lti-ags/scope/score",
        "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
        "https://purl.imsglobal.org/spec/lti-ts/scope/toolsetting", "openid"));
    c.put("response_types_supported", List.of("id_token"));
    c.put("subject_types_supported", List.of("public", "pairwise"));
    c.put("id_token_signing_alg_values_supported", List.of("RS256"));
    c.put("claims_supported", List.of("sub", "iss", "name", "given_name", "family_name", "email"));
    c.put("https://purl.imsglobal.org/spec/lti-platform-configuration", Map.of(
        "product_family_code", "moodle",
        "version", "4.3.2 (Build: 20231222)",
        "messages_supported", List.of(Map.of("type", "LtiResourceLinkRequest"),
            Map.of("type", "LtiDeepLinkingRequest", "placements", List.of("ContentArea")),
            Map.of("type", "LtiSubmissionReviewRequest"))));
    return JSONObjectUtils.toJSONString(c);
  }

  private static void answer(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
