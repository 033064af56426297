package eu.somework.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The gradebook of the mock platform {@value #PLATFORM} (registered with the tool by
 * it-lti-config/platform-gradebook.json), as an LMS serves AGS 2.0, kept minimal: the token
 * endpoint ({@link MockTokenEndpoint}), the line items a test opens (GET, §3.2) and their
 * scores (POST, §3.4, Content-Type {@value #SCORE_MEDIA_TYPE} exactly, as Moodle insists). It
 * records every score it accepts and the reason for every request it refuses, so a test that waits
 * in vain for a score can say why.
 *
 * <p>A second gradebook, on platform {@value #KEY_CACHING_PLATFORM}, reads the tool's key set as a
 * strict platform does (cached for its {@code max-age}) and grants tokens that are never reused,
 * so every delivery signs a new client assertion: the platform a key rotation must not break.
 *
 * <p>Platform A has no such gradebook on purpose: its token endpoint answers 404, so its scores stay
 * waiting in the tool's outbox, which is what the grading checks on platform A look at.
 */
final class MockGradebook {
  static final String PLATFORM = "gradebook";
  static final String CLIENT_ID = "client-gradebook";
  /** The platform whose token endpoint caches the tool's key set (it-lti-config/platform-keycache.json). */
  static final String KEY_CACHING_PLATFORM = "keycache";
  static final String KEY_CACHING_CLIENT_ID = "client-keycache";
  static final String DEPLOYMENT_ID = "1";
  static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
  static final String SCOPE_LINE_ITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
  static final String SCOPE_LINE_ITEM_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
  static final String SCORE_MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json";
  private static final String LINE_ITEM_MEDIA_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
  private static final Set<String> GRANTABLE = Set.of(SCOPE_SCORE, SCOPE_LINE_ITEM, SCOPE_LINE_ITEM_READONLY,
      "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly");

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
      return OffsetDateTime.parse((String) json.get("timestamp")).toInstant();
    }
  }

  /** A line item the tests opened: its label and maximum, as the platform would show them. */
  private record LineItem(String label, double scoreMaximum) {}

  private final Map<String, LineItem> lineItems = new ConcurrentHashMap<>();
  private final Map<String, Duration> scoreDelays = new ConcurrentHashMap<>();
  private final List<ReceivedScore> scores = new CopyOnWriteArrayList<>();
  private final List<String> refusals = new CopyOnWriteArrayList<>();
  private final String platform;
  private final MockTokenEndpoint tokenEndpoint;

  /** The gradebook of {@code platform}, whose token endpoint grants tokens to {@code clientId}. */
  private MockGradebook(String platform, String clientId, MockTokenEndpoint.KeyPolicy keyPolicy) {
    this.platform = platform;
    this.tokenEndpoint = new MockTokenEndpoint(clientId, MockPlatforms.issuer(platform) + "/token", GRANTABLE,
        refusals::add, keyPolicy);
  }

  /** The gradebook of {@value #PLATFORM}: fetches the tool's key set for every token request. */
  static MockGradebook fetchingKeys() {
    return new MockGradebook(PLATFORM, CLIENT_ID, MockTokenEndpoint.KeyPolicy.FRESH);
  }

  /**
   * The gradebook of {@value #KEY_CACHING_PLATFORM}: keeps the tool's key set for its max-age and
   * grants tokens of 60 s, which the tool never reuses (it keeps a minute's margin).
   */
  static MockGradebook cachingKeys() {
    return new MockGradebook(KEY_CACHING_PLATFORM, KEY_CACHING_CLIENT_ID,
        new MockTokenEndpoint.KeyPolicy(true, Duration.ofSeconds(60)));
  }

  /** The key ids of the client assertions its token endpoint accepted, in order of arrival. */
  List<String> assertionKeys() {
    return tokenEndpoint.signingKeys();
  }

  /** Serves the token endpoint and the line items on the mock platforms' server. */
  void serveOn(HttpServer server) {
    server.createContext("/" + platform + "/token", exchange -> tokenEndpoint.grant(exchange).send(exchange));
    server.createContext("/" + platform + "/lineitems/", exchange -> lineItem(exchange).send(exchange));
  }

  /**
   * Opens a line item (a gradebook column) named {@code name} and returns its URL for a launch's
   * AGS claim: shaped like Moodle's, with a query ({@code …/lineitem?type_id=3}).
   */
  String openLineItem(String name, String label, double scoreMaximum) {
    lineItems.put(name, new LineItem(label, scoreMaximum));
    return MockPlatforms.issuer(platform) + "/lineitems/" + name + "/lineitem?type_id=3";
  }

  /** Makes the line item named {@code name} answer each score only after {@code delay}, as a slow platform does. */
  void answerScoresAfter(String name, Duration delay) {
    scoreDelays.put(name, delay);
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

  /** GET {@code …/lineitems/{name}/lineitem}, POST {@code …/lineitems/{name}/lineitem/scores}. */
  private MockAnswer lineItem(HttpExchange exchange) throws IOException {
    String[] path = exchange.getRequestURI().getPath().split("/"); // "", platform, lineitems, name, lineitem[, scores]
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
      return score(exchange, path[3]);
    }
    if (!scoresUrl && "GET".equals(method)) {
      Optional<MockAnswer> refused = tokenEndpoint.unauthorised(exchange,
          Set.of(SCOPE_LINE_ITEM, SCOPE_LINE_ITEM_READONLY));
      if (refused.isPresent()) {
        return refused.get();
      }
      String url = MockPlatforms.issuer(platform) + "/lineitems/" + path[3] + "/lineitem?type_id=3";
      return new MockAnswer(200, LINE_ITEM_MEDIA_TYPE, JSONObjectUtils.toJSONString(Map.of("id", url,
          "label", item.label(), "scoreMaximum", item.scoreMaximum())));
    }
    return refuse(405, "invalid_request", "line item: method " + method);
  }

  private MockAnswer score(HttpExchange exchange, String name) throws IOException {
    Optional<MockAnswer> refused = tokenEndpoint.unauthorised(exchange, Set.of(SCOPE_SCORE));
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
    Duration delay = scoreDelays.get(name);
    if (delay != null) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    scores.add(new ReceivedScore(name, json));
    return new MockAnswer(200, null, "");
  }

  private MockAnswer refuse(int status, String error, String reason) {
    refusals.add(status + " " + reason);
    return MockAnswer.error(status, error);
  }
}
