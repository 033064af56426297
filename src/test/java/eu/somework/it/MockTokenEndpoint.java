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
import java.io.IOException;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A mock platform's token endpoint (1EdTech Security Framework §4.1): the client-credentials grant
 * with a JWT client assertion (RFC 7523) that must be signed by a key in the tool's published key
 * set, with iss = sub = the client id, the endpoint's URL in aud, a live exp, an iat not in the
 * future and a jti not seen before; then it checks the bearer tokens it issued on the platform's
 * services. Every refusal goes to {@code refusals} with its reason.
 *
 * <p>Its {@link KeyPolicy} says how it reads the tool's key set: afresh for every assertion, or as a
 * strict platform does, cached for the {@code max-age} the tool sent and never fetched early for an
 * unknown key id — the platform a key rotation must not break.
 */
final class MockTokenEndpoint {
  /**
   * How the endpoint reads the tool's key set and how long its access tokens live.
   *
   * @param cachesKeySet keep the key set for the {@code Cache-Control: max-age} of its answer
   * @param tokenLifetime the {@code expires_in} of the access tokens it grants
   */
  record KeyPolicy(boolean cachesKeySet, Duration tokenLifetime) {
    /** Fetches the key set for every assertion; tokens live an hour. */
    static final KeyPolicy FRESH = new KeyPolicy(false, Duration.ofHours(1));
  }

  private record CachedKeys(JWKSet keys, Instant until) {}

  private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
  private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");

  private record AccessToken(Set<String> scopes, Instant expires) {}

  private final String clientId;
  private final String url;
  private final Set<String> grantable;
  private final Consumer<String> refusals;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
  private final Set<String> assertionIds = ConcurrentHashMap.newKeySet();
  private final KeyPolicy policy;
  private final List<String> signingKeys = new CopyOnWriteArrayList<>();
  private volatile CachedKeys cached;

  /** An endpoint at {@code url} for {@code clientId} that grants any of {@code grantable}. */
  MockTokenEndpoint(String clientId, String url, Set<String> grantable, Consumer<String> refusals, KeyPolicy policy) {
    this.clientId = clientId;
    this.url = url;
    this.grantable = grantable;
    this.refusals = refusals;
    this.policy = policy;
  }

  /** The key ids of the client assertions accepted so far, in order of arrival. */
  List<String> signingKeys() {
    return List.copyOf(signingKeys);
  }

  /** Answers a token request: 200 with a bearer token for the requested scopes, or an OAuth error. */
  MockAnswer grant(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      return refuse(405, "invalid_request", "method " + exchange.getRequestMethod());
    }
    Map<String, String> form = formOf(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return refuse(400, "unsupported_grant_type", "grant_type " + form.get("grant_type"));
    }
    if (!JWT_BEARER.equals(form.get("client_assertion_type"))) {
      return refuse(400, "invalid_request", "client_assertion_type " + form.get("client_assertion_type"));
    }
    Optional<String> wrong = assertionFault(form.get("client_assertion"));
    if (wrong.isPresent()) {
      return refuse(401, "invalid_client", "client assertion " + wrong.get());
    }
    Set<String> requested = Arrays.stream(form.getOrDefault("scope", "").trim().split("\\s+"))
        .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    if (requested.isEmpty() || !grantable.containsAll(requested)) {
      return refuse(400, "invalid_scope", "scope " + requested);
    }
    String accessToken = UUID.randomUUID().toString();
    tokens.put(accessToken, new AccessToken(requested, Instant.now().plus(policy.tokenLifetime())));
    return new MockAnswer(200, "application/json", JSONObjectUtils.toJSONString(Map.of("access_token", accessToken,
        "token_type", "Bearer", "expires_in", policy.tokenLifetime().toSeconds(), "scope", String.join(" ", requested))));
  }

  /**
   * The 401 for a service request whose {@code Authorization} header carries no bearer token this
   * endpoint issued, an expired one, or one without any of {@code scopes}; empty when it may pass.
   */
  Optional<MockAnswer> unauthorised(HttpExchange exchange, Set<String> scopes) {
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

  /** What is wrong with the client assertion, or empty. */
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
      if (!clientId.equals(claims.getIssuer()) || !clientId.equals(claims.getSubject())) {
        return Optional.of("iss/sub " + claims.getIssuer() + "/" + claims.getSubject() + ", not the client id");
      }
      if (claims.getAudience() == null || !claims.getAudience().contains(url)) {
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
      signingKeys.add(jwt.getHeader().getKeyID());
      return Optional.empty();
    } catch (ParseException | JOSEException | IOException e) {
      return Optional.of("unreadable (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("not checked (interrupted)");
    }
  }

  /** The tool's key set: fetched each time, or kept as long as the tool's {@code max-age} allows. */
  private JWKSet toolKeys() throws IOException, InterruptedException, ParseException {
    CachedKeys held = cached;
    if (policy.cachesKeySet() && held != null && Instant.now().isBefore(held.until())) {
      return held.keys();
    }
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(MockPlatforms.TOOL
        + "/.well-known/jwks.json")).build(), HttpResponse.BodyHandlers.ofString());
    JWKSet keys = JWKSet.parse(answer.body());
    Matcher maxAge = MAX_AGE.matcher(answer.headers().firstValue("Cache-Control").orElse(""));
    cached = new CachedKeys(keys, Instant.now().plusSeconds(maxAge.find() ? Long.parseLong(maxAge.group(1)) : 0));
    return keys;
  }

  private MockAnswer refuse(int status, String error, String reason) {
    refusals.accept(status + " token endpoint: " + reason);
    return MockAnswer.error(status, error);
  }

  private static Map<String, String> formOf(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv.length == 2) {
        form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    return form;
  }
}
