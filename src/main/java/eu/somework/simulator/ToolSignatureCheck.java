package eu.somework.simulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import eu.somework.lti.JwksFetcher;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Verifies a JWT the tool signed, the way a platform does: with the key set the tool publishes,
 * fetched over HTTP — so the simulator proves the tool's published keys work.
 */
final class ToolSignatureCheck {
  private static final JwksFetcher FETCHER = new JwksFetcher(Duration.ofSeconds(5));

  /** Why a tool's JWT was not accepted. */
  static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    Rejected(String message) {
      super(message);
    }
  }

  private ToolSignatureCheck() {}

  /** The {@code iss} of a JWT not yet verified, to know whose key set to verify it with; empty if unreadable. */
  static java.util.Optional<String> unverifiedIssuer(String jwt) {
    try {
      return java.util.Optional.ofNullable(SignedJWT.parse(jwt).getJWTClaimsSet().getIssuer());
    } catch (ParseException e) {
      return java.util.Optional.empty();
    }
  }

  static JWTClaimsSet verify(String jwt, SimulatedPlatform platform, Instant now) throws Rejected {
    return verify(jwt, URI.create(platform.toolJwksUrl()), now);
  }

  /** Verifies {@code jwt} with the key set at {@code jwksUri} (a dynamically registered tool's). */
  static JWTClaimsSet verify(String jwt, URI jwksUri, Instant now) throws Rejected {
    SignedJWT signed;
    try {
      signed = SignedJWT.parse(jwt);
    } catch (ParseException e) {
      throw new Rejected("not a signed JWT");
    }
    if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
      throw new Rejected("signed with " + signed.getHeader().getAlgorithm() + ", expected RS256");
    }
    try {
      JWK key = FETCHER.fetch(jwksUri).keys().getKeyByKeyId(signed.getHeader().getKeyID());
      if (!(key instanceof RSAKey rsa)) {
        throw new Rejected("the tool's key set has no RSA key with kid " + signed.getHeader().getKeyID());
      }
      if (!signed.verify(new RSASSAVerifier(rsa))) {
        throw new Rejected("the signature does not match the tool's published key");
      }
      JWTClaimsSet claims = signed.getJWTClaimsSet();
      Date exp = claims.getExpirationTime();
      if (exp == null || exp.toInstant().isBefore(now.minusSeconds(30))) {
        throw new Rejected("expired or without exp");
      }
      return claims;
    } catch (IOException e) {
      throw new Rejected("the tool's key set could not be fetched: " + e.getMessage());
    } catch (JOSEException | ParseException e) {
      throw new Rejected("the JWT could not be verified: " + e.getMessage());
    }
  }
}
