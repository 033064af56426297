package eu.somework.simulator;

import eu.somework.session.Public;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import eu.somework.config.Settings;
import eu.somework.platform.KeyRing;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The simulator's OAuth 2 token endpoint (1EdTech Security Framework §4.1): client credentials
 * with a JWT client assertion signed by the tool's key. Issues access tokens for AGS and NRPS.
 */
@Path("/simulator/token")
@Public("the simulated platform's token endpoint: authenticates with a signed JWT assertion")
public class SimulatorTokenResource {
  static final Set<String> SCOPES = Set.of(
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
      "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
      "https://purl.imsglobal.org/spec/lti-ags/scope/score",
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
  private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  @Inject Settings settings;
  @Inject KeyRing keys;
  @Inject SimulatorStore store;
  @Inject Clock clock;
  @Inject SimulatorFaults faults;
  @Inject SimulatorRegistrations registrations;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response token(@FormParam("grant_type") String grantType,
      @FormParam("client_assertion_type") String assertionType,
      @FormParam("client_assertion") String assertion, @FormParam("scope") String scope) {
    SimulatedPlatform platform = new SimulatedPlatform(settings.baseUrl());
    if (faults.active(SimFault.Kind.TOKENS_REFUSED)) {
      return error(401, "invalid_client", "the platform refuses every client for now (simulated fault)");
    }
    if (!"client_credentials".equals(grantType)) {
      return error(400, "unsupported_grant_type", "grant_type must be client_credentials");
    }
    if (!JWT_BEARER.equals(assertionType) || assertion == null) {
      return error(401, "invalid_client", "a JWT client assertion is required");
    }
    // the built-in client, or a tool registered dynamically: its assertion is checked with its own key set
    SimClient client = ToolSignatureCheck.unverifiedIssuer(assertion)
        .flatMap(id -> registrations.anyClient(platform, id)).orElse(SimClient.builtIn(platform));
    JWTClaimsSet claims;
    try {
      claims = ToolSignatureCheck.verify(assertion, client.jwksUri(), clock.instant());
    } catch (ToolSignatureCheck.Rejected e) {
      return error(401, "invalid_client", e.getMessage());
    }
    if (!client.clientId().equals(claims.getIssuer()) || !client.clientId().equals(claims.getSubject())) {
      return error(401, "invalid_client", "iss and sub must be the client id");
    }
    if (claims.getAudience() == null || claims.getAudience().stream()
        .noneMatch(a -> a.equals(platform.tokenEndpoint()) || a.equals(platform.issuer()))) {
      return error(401, "invalid_client", "aud must be the token endpoint");
    }
    if (claims.getJWTID() == null) {
      return error(401, "invalid_client", "the assertion needs a jti");
    }
    List<String> requested = scope == null ? List.of() : Arrays.stream(scope.trim().split("\\s+"))
        .filter(s -> !s.isEmpty()).toList();
    if (requested.isEmpty() || !client.scopes().containsAll(requested)) {
      return error(400, "invalid_scope", "unknown or missing scope");
    }
    Instant now = clock.instant();
    String accessToken = IdTokenFactory.sign(keys.signingKey(SimulatedPlatform.KEY_OWNER), new JWTClaimsSet.Builder()
        .issuer(platform.issuer()).audience(platform.issuer()).subject(client.clientId())
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
        .jwtID(UUID.randomUUID().toString()).claim("scope", String.join(" ", requested)).build());
    store.record("Access token", "granted to " + client.clientId() + " for " + String.join(" ", requested));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", accessToken);
    body.put("token_type", "Bearer");
    body.put("expires_in", 3600);
    body.put("scope", String.join(" ", requested));
    return Response.ok(JSONObjectUtils.toJSONString(body)).header("Cache-Control", "no-store").build();
  }

  private Response error(int status, String code, String description) {
    store.record("Access token REFUSED", code + ": " + description);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("error_description", description);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(JSONObjectUtils.toJSONString(body)).build();
  }
}
