package eu.somework.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The gradebook of the mock platform {@value #PLATFORM} (registered with the tool by
 * it-lti-config/platform-gradebook.json), as an LMS serves AGS 2.0, kept minimal: the token
 * endpoint (client-credentials grant with a JWT client assertion, 1EdTech Security Framework §4.1,
 * checked against the tool's published key set), the line items a test opens (GET, §3.2) and their
 * scores (POST, §3.4, Content-Type {@value #SCORE_MEDIA_TYPE} exactly, as Moodle insists). It
 * records every score it accepts and the reason for every request it refuses, so a test that waits
 * in vain for a score can say why.
 *
 * <p>Platform A has no such gradebook on purpose: its token endpoint answers 404, so its scores stay
 * waiting in the tool's outbox, which is what the grading checks on platform A look at.
 */
final class MockGradebook {
  static final String PLATFORM = "gradebook";
  static final String CLIENT_ID = "client-gradebook";
  static final String DEPLOYMENT_ID = "1";
  static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
  static final String SCOPE_LINE_ITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
  static final String SCORE_MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json";
  private static final String LINE_ITEM_MEDIA_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
  private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final Set<String> GRANTABLE = Set.of(SCOPE_SCORE, SCOPE_LINE_ITEM,
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
      "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly");
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  /** A score as the gradebook received it: the line item's name and the score's JSON. */
  record ReceivedScore(String lineItem, Map<String, Object> json) {
    String userId() {
      return (String) json.get("userId");
    }

    Optional<Double> scoreGiven() {
      return Optional.ofNullable((Number) json.get("scoreGiven")).map(Number::doubleValue);
    }

    Optional<Double> scoreMaximum() {
      return Optional.ofNullable((Number) json.get("scoreMaximum")).map(Number::doubleValue);
    }

    Optional<String> comment() {
      return Optional.ofNullable((String) json.get("comment"));
    }

    String activityProgress() {
      return (String) json.get("activityProgress");
    }

    String gradingProgress() {
      return (String) json.get("gradingProgress");
    }

    Instant timestamp() {
      return java.time.OffsetDateTime.parse((String) json.get("timestamp")).toInstant();
    }
  }

  private record AccessToken(Set<String> scopes, Instant expires) {}

  /** A line item the tests opened: its label and maximum, as the platform would show them. */
  private record LineItem(String label, double scoreMaximum) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, LineItem> lineItems = new ConcurrentHashMap<>();
  private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
  private final Set<String> assertionIds = ConcurrentHashMap.newKeySet();
  private final List<ReceivedScore> scores = new CopyOnWriteArrayList<>();
  private final List<String> refusals = new CopyOnWriteArrayList<>();

  /** Serves the token endpoint and the line items on the mock platforms' server. */
  void serveOn(HttpServer server) {
    server.createContext("/" + PLATFORM + "/token", exchange -> answer(exchange, token(exchange)));
    server.createContext("/" + PLATFORM + "/lineitems/", exchange -> answer(exchange, lineItem(exchange)));
  }

  /** The issuer's token endpoint, as the registration file names it. */
  static String tokenEndpoint() {
    return MockPlatforms.issuer(PLATFORM) + "/token";
  }

  /**
   * Opens a line item (a gradebook column) named {@code name} and returns its URL for a launch's
   * AGS claim: shaped like Moodle's, with a query ({@code …/lineitem?type_id=3}).
   */
  String openLineItem(String name, String label, double scoreMaximum) {
    lineItems.put(name, new LineItem(label, scoreMaximum));
    return MockPlatforms.issuer(PLATFORM) + "/lineitems/" + name + "/lineitem?type_id=3";
  }

  /** The scores received so far on the line item named {@code name}, oldest first. */
  List<ReceivedScore> scores(String name) {
    return scores.stream().filter(score -> score.lineItem().equals(name)).toList();
  }

  /**
   * Waits until the line item named {@code name} holds at least {@code count} scores, asking every
   * 100 ms, for at most {@code limit}.
   *
   * @return the scores received on it, oldest first
   * @throws AssertionError when they did not come in time (naming the requests refused meanwhile)
   */
  List<ReceivedScore> awaitScores(String name, int count, Duration limit) throws Exception {
    try {
      return await(() -> scores(name), received -> received.size() >= count, limit,
          "at least " + count + " score(s) on line item " + name);
    } catch (AssertionError late) {
      throw new AssertionError(late.getMessage() + "; the gradebook refused: " + refusals, late);
    }
  }

  /**
   * Asks {@code read} every 100 ms until its answer satisfies {@code done}, for at most {@code limit}.
   *
   * @return the answer that satisfied it
   * @throws AssertionError naming {@code what} and the last answer when time ran out
   */
  static <T> T await(Callable<T> read, Predicate<T> done, Duration limit, String what) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    T value = read.call();
    while (!done.test(value)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited " + limit.toSeconds() + " s for " + what + "; last seen: " + value);
      }
      Thread.sleep(100);
      value = read.call();
    }
    return value;
  }

  /** Why the gradebook refused requests so far (empty when it refused none). */
  List<String> refusals() {
    return List.copyOf(refusals);
  }

  private record Answer(int status, String contentType, String body) {}

  /** Client-credentials grant with a JWT client assertion (RFC 7523) signed by the tool's key. */
  private Answer token(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      return refuse(405, "invalid_request", "token: method " + exchange.getRequestMethod());
    }
    Map<String, String> form = formOf(exchange.getRequestBody());
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return refuse(400, "unsupported_grant_type", "token: grant_type " + form.get("grant_type"));
    }
    if (!JWT_BEARER.equals(form.get("client_assertion_type"))) {
      return refuse(400, "invalid_request", "token: client_assertion_type " + form.get("client_assertion_type"));
    }
    Optional<String> wrong = assertionFault(form.get("client_assertion"));
    if (wrong.isPresent()) {
      return refuse(401, "invalid_client", "token: client assertion " + wrong.get());
    }
    Set<String> requested = Arrays.stream(form.getOrDefault("scope", "").trim().split("\\s+"))
        .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    if (requested.isEmpty() || !GRANTABLE.containsAll(requested)) {
      return refuse(400, "invalid_scope", "token: scope " + requested);
    }
    String accessToken = UUID.randomUUID().toString();
    tokens.put(accessToken, new AccessToken(requested, Instant.now().plusSeconds(3600)));
    return new Answer(200, "application/json", JSONObjectUtils.toJSONString(Map.of("access_token", accessToken,
        "token_type", "Bearer", "expires_in", 3600, "scope", String.join(" ", requested))));
  }

  /** What is wrong with the client assertion, or empty: signature by the tool, iss, sub, aud, exp, iat, jti. */
  private Optional<String> assertionFault(String assertion) {
    try {
      if (assertion == null) {
        return Optional.of("missing");
      }
      SignedJWT jwt = SignedJWT.parse(assertion);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
        return Optional.of("not RS256");
      }
      JWK key = toolKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
      if (!(key instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) {
        return Optional.of("not signed by a key in the tool's key set");
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Instant now = Instant.now();
      if (!CLIENT_ID.equals(claims.getIssuer()) || !CLIENT_ID.equals(claims.getSubject())) {
        return Optional.of("iss/sub " + claims.getIssuer() + "/" + claims.getSubject() + ", not the client id");
      }
      if (claims.getAudience() == null || !claims.getAudience().contains(tokenEndpoint())) {
        return Optional.of("aud " + claims.getAudience() + " without the token endpoint");
      }
      if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now.minus(CLOCK_SKEW))) {
        return Optional.of("expired or without exp");
      }
      if (claims.getIssueTime() == null || claims.getIssueTime().toInstant().isAfter(now.plus(CLOCK_SKEW))) {
        return Optional.of("iat missing or in the future");
      }
      if (claims.getJWTID() == null || !assertionIds.add(claims.getJWTID())) {
        return Optional.of("jti missing or used before");
      }
      return Optional.empty();
    } catch (ParseException | JOSEException | IOException e) {
      return Optional.of("unreadable (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("not checked (interrupted)");
    }
  }

  private JWKSet toolKeys() throws IOException, InterruptedException, ParseException {
    HttpResponse<String> keys = http.send(HttpRequest.newBuilder(URI.create(MockPlatforms.TOOL
        + "/.well-known/jwks.json")).build(), HttpResponse.BodyHandlers.ofString());
    return JWKSet.parse(keys.body());
  }

  /** GET {@code …/lineitems/{name}/lineitem}, POST {@code …/lineitems/{name}/lineitem/scores}. */
  private Answer lineItem(HttpExchange exchange) throws IOException {
    String[] path = exchange.getRequestURI().getPath().split("/"); // "", gradebook, lineitems, name, lineitem[, scores]
    boolean scoresUrl = path.length == 6 && "scores".equals(path[5]);
    LineItem item = path.length >= 5 && "lineitem".equals(path[4]) ? lineItems.get(path[3]) : null;
    if (item == null || !(path.length == 5 || scoresUrl)) {
      return refuse(404, "not_found", "no line item at " + exchange.getRequestURI().getPath());
    }
    if (!"type_id=3".equals(exchange.getRequestURI().getRawQuery())) {
      return refuse(404, "not_found", "the line item's query was lost: " + exchange.getRequestURI());
    }
    String method = exchange.getRequestMethod();
    if (scoresUrl && "POST".equals(method)) {
      return score(exchange, path[3], item);
    }
    if (!scoresUrl && "GET".equals(method)) {
      Optional<Answer> refused = unauthorised(exchange, Set.of(SCOPE_LINE_ITEM,
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly"));
      if (refused.isPresent()) {
        return refused.get();
      }
      String url = MockPlatforms.issuer(PLATFORM) + "/lineitems/" + path[3] + "/lineitem?type_id=3";
      return new Answer(200, LINE_ITEM_MEDIA_TYPE, JSONObjectUtils.toJSONString(Map.of("id", url,
          "label", item.label(), "scoreMaximum", item.scoreMaximum())));
    }
    return refuse(405, "invalid_request", "line item: method " + method);
  }

  private Answer score(HttpExchange exchange, String name, LineItem item) throws IOException {
    Optional<Answer> refused = unauthorised(exchange, Set.of(SCOPE_SCORE));
    if (refused.isPresent()) {
      return refused.get();
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (!SCORE_MEDIA_TYPE.equals(contentType)) {
      return refuse(415, "invalid_request", "score: Content-Type " + contentType);
    }
    Map<String, Object> json;
    try {
      json = JSONObjectUtils.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    } catch (ParseException e) {
      return refuse(400, "invalid_request", "score: not JSON");
    }
    for (String required : List.of("userId", "timestamp", "activityProgress", "gradingProgress")) {
      if (!(json.get(required) instanceof String)) {
        return refuse(400, "invalid_request", "score: no " + required);
      }
    }
    scores.add(new ReceivedScore(name, json));
    return new Answer(200, null, "");
  }

  /** The 401 for a missing, unknown or expired bearer token, or one without any of {@code scopes}. */
  private Optional<Answer> unauthorised(HttpExchange exchange, Set<String> scopes) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    AccessToken token = authorization != null && authorization.startsWith("Bearer ")
        ? tokens.get(authorization.substring(7)) : null;
    if (token == null || token.expires().isBefore(Instant.now())
        || token.scopes().stream().noneMatch(scopes::contains)) {
      return Optional.of(refuse(401, "invalid_token", exchange.getRequestURI().getPath() + ": bearer token "
          + (token == null ? "missing or unknown" : "expired or without " + scopes)));
    }
    return Optional.empty();
  }

  private Answer refuse(int status, String error, String reason) {
    refusals.add(status + " " + reason);
    return new Answer(status, "application/json", JSONObjectUtils.toJSONString(Map.of("error", error)));
  }

  private static Map<String, String> formOf(InputStream body) throws IOException {
    Map<String, String> form = new HashMap<>();
    for (String pair : new String(body.readAllBytes(), StandardCharsets.UTF_8).split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv.length == 2) {
        form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static void answer(HttpExchange exchange, Answer answer) throws IOException {
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    if (answer.contentType() != null) {
      exchange.getResponseHeaders().add("Content-Type", answer.contentType());
    }
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }
}
