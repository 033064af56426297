package eu.somework.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the tool's administrator API on a loopback port, answering as ADMIN-API.md says:
 * Bearer token checked against a configured SHA-256 (none configured: every request 401 with the
 * "not configured" error), registrations created (201) or updated (200, same issuer + client id),
 * 400 naming a missing field, a key rotation whose instant stays the same when asked again, 404 for
 * anything else. {@link #answerNext} makes the next request get a canned answer (a 409, a 429, an
 * HTML page of a proxy...). It records the requests it got.
 */
final class AdminApiStandIn implements AutoCloseable {
  static final String TOKEN = "stand-in-admin-token-0123456789abcdef0123456789";
  static final String ROTATION_INSTANT = "2026-12-02T08:00:00Z";

  record Request(String method, String path, String authorization, String body) {}

  record Canned(int status, String contentType, String body, Map<String, String> headers) {}

  private final HttpServer server;
  private final String tokenSha256;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, JsonObject> registrations = new ConcurrentHashMap<>();
  private volatile Canned next;

  /** A stand-in that accepts {@link #TOKEN}; with {@code configured} false it has no token hash (every request 401). */
  AdminApiStandIn(boolean configured) throws IOException {
    this.tokenSha256 = configured ? sha256(TOKEN) : null;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  AdminApiStandIn() throws IOException {
    this(true);
  }

  /** The tool's base URL. */
  String url() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  List<Request> requests() {
    return requests;
  }

  /** Adds a registration as if it had been registered before. */
  void addRegistration(JsonObject registration) {
    registrations.put(registration.getString("issuer") + " " + registration.getString("clientId"), registration);
  }

  /** The next request (only) gets this answer instead of the API's. */
  void answerNext(int status, String contentType, String body, Map<String, String> headers) {
    next = new Canned(status, contentType, body, headers);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    requests.add(new Request(method, path, authorization, body));
    Canned canned = next;
    next = null;
    if (canned != null) {
      canned.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      send(exchange, canned.status(), canned.contentType(), canned.body());
      return;
    }
    if (!path.startsWith("/admin/api/")) {
      send(exchange, 404, "text/html", "<html><body>Not Found</body></html>");
      return;
    }
    if (tokenSha256 == null) {
      error(exchange, 401, "The administrator API is not configured: set somework.admin.token-sha256.");
      return;
    }
    if (authorization == null || !authorization.startsWith("Bearer ")
        || !sha256(authorization.substring("Bearer ".length())).equals(tokenSha256)) {
      exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"somework-admin\"");
      error(exchange, 401, "The administrator token is missing or wrong.");
      return;
    }
    switch (method + " " + path) {
      case "GET /admin/api/registrations" -> {
        JsonArrayBuilder list = Json.createArrayBuilder();
        registrations.values().stream()
            .sorted((a, b) -> a.getString("name").compareTo(b.getString("name"))).forEach(list::add);
        json(exchange, 200, Json.createObjectBuilder().add("registrations", list).build());
      }
      case "POST /admin/api/registrations" -> register(exchange, body);
      case "POST /admin/api/keys/rotation" ->
          json(exchange, 202, Json.createObjectBuilder().add("activateAt", ROTATION_INSTANT).build());
      default -> error(exchange, 404, "No such administrator API resource: " + path);
    }
  }

  private void register(HttpExchange exchange, String body) throws IOException {
    JsonObject platform;
    try (var reader = Json.createReader(new StringReader(body))) {
      platform = reader.readObject();
    } catch (RuntimeException e) {
      error(exchange, 400, "The platform is not a JSON object.");
      return;
    }
    for (String field : List.of("name", "issuer", "clientId", "deploymentIds", "authorizationEndpoint",
        "tokenEndpoint", "jwksUri")) {
      if (!platform.containsKey(field) || platform.get(field) == JsonValue.NULL) {
        error(exchange, 400, "The platform's field \"" + field + "\" is missing.");
        return;
      }
    }
    String key = platform.getString("issuer") + " " + platform.getString("clientId");
    JsonObject known = registrations.get(key);
    JsonArrayBuilder deployments = Json.createArrayBuilder();
    platform.getJsonArray("deploymentIds").getValuesAs(jakarta.json.JsonString.class)
        .forEach(id -> deployments.add(Json.createObjectBuilder().add("deploymentId", id.getString())));
    JsonObject registration = Json.createObjectBuilder()
        .add("id", known == null ? registrations.size() + 1 : known.getInt("id"))
        .add("name", platform.getString("name"))
        .add("issuer", platform.getString("issuer"))
        .add("clientId", platform.getString("clientId"))
        .add("origin", "FILE")
        .add("enabled", true)
        .add("updatedAt", "2026-12-02T06:30:00Z")
        .add("deployments", deployments)
        .build();
    registrations.put(key, registration);
    json(exchange, known == null ? 201 : 200, registration);
  }

  private static void error(HttpExchange exchange, int status, String message) throws IOException {
    json(exchange, status, Json.createObjectBuilder().add("error", message).build());
  }

  private static void json(HttpExchange exchange, int status, JsonObject body) throws IOException {
    send(exchange, status, "application/json", body.toString());
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  static List<String> paths(List<Request> requests) {
    List<String> paths = new ArrayList<>();
    requests.forEach(r -> paths.add(r.method() + " " + r.path()));
    return paths;
  }
}
