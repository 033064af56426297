package eu.somework.simulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import eu.somework.config.Settings;
import eu.somework.platform.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the bearer access tokens on the simulator's AGS and NRPS endpoints: issued by its own
 * token endpoint ({@link SimulatorTokenResource}, signed with the simulator's key), not expired,
 * and granting one of the scopes the endpoint needs. A refusal is a 401 with a plain-text reason,
 * as Moodle answers when a token or a service permission is missing.
 */
@ApplicationScoped
public class SimulatorAccessTokens {
  @Inject Settings settings;
  @Inject KeyRing keys;
  @Inject Clock clock;

  /**
   * For a line item, score or result URL: 404 for another course, 400 without the tool type's
   * {@code type_id} query (Moodle needs it; a tool that drops the query from a line item URL gets
   * this), else {@link #refusal}.
   */
  Optional<Response> agsRefusal(String context, String typeId, String authorization, Set<String> scopes) {
    if (!DemoCourse.CONTEXT_ID.equals(context)) {
      return Optional.of(ServiceAnswers.plain(404, "No such course."));
    }
    if (!SimulatedPlatform.DEPLOYMENT_ID.equals(typeId)) {
      return Optional.of(ServiceAnswers.plain(400, "The type_id query parameter is missing or unknown."));
    }
    return refusal(authorization, scopes);
  }

  /** The 401 to answer, or empty when {@code authorization} carries a token with one of {@code scopes}. */
  Optional<Response> refusal(String authorization, Set<String> scopes) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(refused("An access token is required (Authorization: Bearer)."));
    }
    JWTClaimsSet claims;
    try {
      SignedJWT token = SignedJWT.parse(authorization.substring(7).trim());
      JWK key = keys.publicKeySet(SimulatedPlatform.KEY_OWNER).getKeyByKeyId(token.getHeader().getKeyID());
      if (!JWSAlgorithm.RS256.equals(token.getHeader().getAlgorithm()) || !(key instanceof RSAKey rsa)
          || !token.verify(new RSASSAVerifier(rsa))) {
        return Optional.of(refused("The access token was not issued by this platform."));
      }
      claims = token.getJWTClaimsSet();
    } catch (ParseException | JOSEException e) {
      return Optional.of(refused("The access token was not issued by this platform."));
    }
    String issuer = new SimulatedPlatform(settings.baseUrl()).issuer();
    Date exp = claims.getExpirationTime();
    if (!issuer.equals(claims.getIssuer()) || exp == null || !exp.toInstant().isAfter(clock.instant())) {
      return Optional.of(refused("The access token has expired or is not for this platform."));
    }
    Object scope = claims.getClaim("scope");
    Set<String> granted = scope instanceof String s ? Set.of(s.trim().split("\\s+")) : Set.of();
    if (scopes.stream().noneMatch(granted::contains)) {
      return Optional.of(refused("The access token does not grant " + String.join(" or ", scopes) + "."));
    }
    return Optional.empty();
  }

  private static Response refused(String reason) {
    return Response.status(401).header("WWW-Authenticate", "Bearer").type("text/plain;charset=UTF-8")
        .entity(reason).build();
  }
}
