package eu.somework.lti;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Asks a platform's token endpoint for an access token (1EdTech Security Framework §4.1): the
 * client-credentials grant with a JWT client assertion signed by the tool's key (RFC 7523).
 * Immutable and thread-safe.
 */
public final class ServiceTokenClient {
  static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private final HttpClient http;
  private final Clock clock;
  private final Duration timeout;

  public ServiceTokenClient(Clock clock, Duration timeout) {
    this.clock = clock;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  public ServiceToken request(PlatformRegistration registration, RSAKey toolKey, Set<String> scopes)
      throws LtiException {
    if (!PlatformEndpoints.isAllowed(registration.tokenEndpoint())) {
      throw failure("the token endpoint " + PlatformEndpoints.rule(), null);
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_assertion_type", JWT_BEARER);
    form.put("client_assertion", assertion(registration, toolKey));
    form.put("scope", String.join(" ", scopes));
    HttpRequest request = HttpRequest.newBuilder(registration.tokenEndpoint())
        .timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(form)))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw failure("the token endpoint did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("interrupted", e);
    }
    return read(response, scopes);
  }

  /** The client assertion: iss = sub = client id, aud = the token endpoint, short-lived, unique jti. */
  String assertion(PlatformRegistration registration, RSAKey toolKey) {
    Instant now = clock.instant();
    return Rs256Signer.sign(toolKey, new JWTClaimsSet.Builder()
        .issuer(registration.clientId())
        .subject(registration.clientId())
        .audience(registration.tokenEndpoint().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .jwtID(UUID.randomUUID().toString())
        .build());
  }

  private ServiceToken read(HttpResponse<String> response, Set<String> requested) throws LtiException {
    Map<String, Object> body;
    try {
      body = JSONObjectUtils.parse(response.body());
    } catch (ParseException e) {
      throw failure("the token endpoint answered HTTP " + response.statusCode() + " without JSON", e);
    }
    if (response.statusCode() != 200) {
      // Moodle answers 400/401 when the service is not enabled for the tool: say so
      throw failure("the token endpoint refused (HTTP " + response.statusCode() + ", " + body.get("error")
          + "); check that the platform has the tool's services switched on", null);
    }
    if (!(body.get("access_token") instanceof String token) || token.isBlank()) {
      throw failure("the token endpoint's answer has no access_token", null);
    }
    long seconds = body.get("expires_in") instanceof Number n ? n.longValue() : 3600;
    Set<String> granted = body.get("scope") instanceof String s && !s.isBlank()
        ? Arrays.stream(s.trim().split("\\s+")).collect(Collectors.toSet())
        : requested;
    return new ServiceToken(token, granted, clock.instant().plusSeconds(Math.max(0, seconds - 30)));
  }

  private static LtiException failure(String reason, Throwable cause) {
    return new LtiException(LtiFailure.SERVICE_TOKEN_REFUSED,
        "No access token for the platform's services: " + reason + ".", cause);
  }

}
