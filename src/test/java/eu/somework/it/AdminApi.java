package eu.somework.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The administrator's JSON API of the test server ({@code /admin/api}), called with the token whose
 * SHA-256 the server is configured with (src/test/resources/arquillian.xml).
 */
final class AdminApi {
  /** The test servers' administrator token (never a real deployment's). */
  static final String TOKEN = AdminConsoleChecks.TOKEN;

  /** One of the tool's signing keys as the API lists it. */
  record Key(String kid, String status, Optional<String> activateAt) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final String tool;

  /** The API of the Arquillian server. */
  AdminApi() {
    this(MockPlatforms.TOOL);
  }

  /** The API of the tool at {@code toolUrl} (another instance, configured with the same token). */
  AdminApi(String toolUrl) {
    this.tool = toolUrl;
  }

  /** The tool's signing keys, newest first. */
  List<Key> keys() throws Exception {
    Map<String, Object> answer = json(send(HttpRequest.newBuilder(uri("/keys")).GET(), 200));
    return java.util.Arrays.stream(JSONObjectUtils.getJSONObjectArray(answer, "keys"))
        .map(key -> new Key((String) key.get("kid"), (String) key.get("status"),
            Optional.ofNullable((String) key.get("activateAt")))).toList();
  }

  /** The kid of the key with {@code status} (CURRENT, NEXT), if there is one. */
  Optional<String> keyWith(String status) throws Exception {
    return keys().stream().filter(k -> k.status().equals(status)).map(Key::kid).findFirst();
  }

  /** Whether a rotation was asked for and its next key does not sign yet. */
  boolean rotationPending() throws Exception {
    return keys().stream().anyMatch(k -> k.status().equals("NEXT") && k.activateAt().isPresent());
  }

  /** Asks for a key rotation; returns when the next key will sign. */
  Instant rotateKeys() throws Exception {
    Map<String, Object> answer = json(send(HttpRequest.newBuilder(uri("/keys/rotation"))
        .POST(HttpRequest.BodyPublishers.noBody()), 202));
    return Instant.parse((String) answer.get("activateAt"));
  }

  /** The registrations as the API lists them (ADMIN-API.md, "Registration"), each a JSON object. */
  List<Map<String, Object>> registrations() throws Exception {
    Map<String, Object> answer = json(send(HttpRequest.newBuilder(uri("/registrations")).GET(), 200));
    return java.util.Arrays.asList(JSONObjectUtils.getJSONObjectArray(answer, "registrations"));
  }

  /** The registration of this issuer and client id, if the tool has one. */
  Optional<Map<String, Object>> registration(String issuer, String clientId) throws Exception {
    return registrations().stream().filter(r -> issuer.equals(r.get("issuer")) && clientId.equals(r.get("clientId")))
        .findFirst();
  }

  /** The latest audit events (up to 500), newest first, each a JSON object. */
  List<Map<String, Object>> auditEvents() throws Exception {
    Map<String, Object> answer = json(send(HttpRequest.newBuilder(uri("/audit?limit=500")).GET(), 200));
    return java.util.Arrays.asList(JSONObjectUtils.getJSONObjectArray(answer, "events"));
  }

  /** Switches a registration off ({@code enabled} false) or on again. */
  void switchRegistration(Object id, boolean enabled) throws Exception {
    send(HttpRequest.newBuilder(uri("/registrations/" + id + (enabled ? "/enable" : "/disable")))
        .POST(HttpRequest.BodyPublishers.noBody()), 200);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, int expected) throws Exception {
    HttpResponse<String> answer = http.send(request.header("Authorization", "Bearer " + TOKEN)
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != expected) {
      throw new AssertionError(answer.request().method() + " " + answer.uri() + ": " + answer.statusCode()
          + " instead of " + expected + ": " + answer.body());
    }
    return answer;
  }

  private static Map<String, Object> json(HttpResponse<String> answer) throws Exception {
    return JSONObjectUtils.parse(answer.body());
  }

  private URI uri(String path) {
    return URI.create(tool + "/admin/api" + path);
  }
}
