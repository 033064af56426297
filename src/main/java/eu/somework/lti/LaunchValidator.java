package eu.somework.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.security.PublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Validates the id_token of an LTI 1.3 launch, step by step as the 1EdTech Security Framework
 * §5.1.3 and LTI Core §5.3 list them, and turns it into an {@link LtiLaunch}. Each failed step
 * throws an {@link LtiException} naming that step. Immutable and thread-safe: one instance serves
 * every launch.
 */
public final class LaunchValidator {
  /** A Moodle id_token is 2–6 KB; anything near this is not a launch. */
  public static final int MAX_TOKEN_CHARS = 64 * 1024;

  private final PlatformKeySource keys;
  private final NonceRegistry nonces;
  private final Clock clock;
  private final Duration clockSkew;
  private final Set<JWSAlgorithm> acceptedAlgorithms;
  private final LaunchClaimsReader claimsReader = new LaunchClaimsReader();

  public LaunchValidator(
      PlatformKeySource keys,
      NonceRegistry nonces,
      Clock clock,
      Duration clockSkew,
      Set<JWSAlgorithm> acceptedAlgorithms) {
    this.keys = keys;
    this.nonces = nonces;
    this.clock = clock;
    this.clockSkew = clockSkew;
    this.acceptedAlgorithms = Set.copyOf(acceptedAlgorithms);
  }

  /** RS256 only, as LTI 1.3 §5.1.2 requires platforms to support. */
  public LaunchValidator(PlatformKeySource keys, NonceRegistry nonces, Clock clock, Duration clockSkew) {
    this(keys, nonces, clock, clockSkew, Set.of(JWSAlgorithm.RS256));
  }

  /**
   * Validates an id_token against the login it answers.
   *
   * @param idToken the compact JWT the platform posted
   * @param registration the registration the login was started for (known from the state)
   * @param expectedNonce the nonce the tool issued with that state
   * @param expectedTargetLinkUri the target_link_uri the login initiation named; the token's
   *     target_link_uri claim must equal it ({@link LtiFailure#TARGET_LINK_MISMATCH})
   * @return the launch, read from the verified claims
   * @throws LtiException naming the first check that failed, e.g. {@link LtiFailure#BAD_SIGNATURE},
   *     {@link LtiFailure#NONCE_MISMATCH}, {@link LtiFailure#CLAIM_INVALID}
   */
  public LtiLaunch validate(
      String idToken, PlatformRegistration registration, String expectedNonce, String expectedTargetLinkUri)
      throws LtiException {
    SignedJWT jwt = parseSigned(idToken);
    JWTClaimsSet claims = claimsOf(jwt);
    verifySignature(jwt, registration);
    // Security Framework §5.1.3 step 2: iss must equal the platform's issuer
    if (!registration.issuer().equals(claims.getIssuer())) {
      throw new LtiException(
          LtiFailure.WRONG_ISSUER,
          "The token's issuer (iss) is not the platform this login was started with.");
    }
    checkAudience(claims, registration.clientId());
    checkTimes(claims);
    checkNonce(claims, registration, expectedNonce);
    return claimsReader.read(claims, registration, expectedTargetLinkUri);
  }

  private SignedJWT parseSigned(String idToken) throws LtiException {
    if (idToken == null || idToken.isBlank()) {
      throw new LtiException(LtiFailure.ID_TOKEN_MISSING, "The launch has no id_token.");
    }
    if (idToken.length() > MAX_TOKEN_CHARS) {
      throw new LtiException(
          LtiFailure.ID_TOKEN_TOO_LARGE,
          "The id_token is larger than " + MAX_TOKEN_CHARS + " characters.");
    }
    JWT jwt;
    try {
      jwt = JWTParser.parse(idToken.trim());
    } catch (ParseException e) {
      throw new LtiException(LtiFailure.MALFORMED_TOKEN, "The id_token is not a well-formed JWT.", e);
    }
    if (jwt instanceof PlainJWT) {
      throw new LtiException(
          LtiFailure.ALGORITHM_NOT_ALLOWED, "The id_token is not signed (alg 'none').");
    }
    if (!(jwt instanceof SignedJWT signed)) {
      throw new LtiException(
          LtiFailure.ALGORITHM_NOT_ALLOWED, "The id_token must be a signed JWT, not an encrypted one.");
    }
    JWSHeader header = signed.getHeader();
    // Security Framework §5.1.3 step 6 and LTI §5.1.2: asymmetric signatures only
    if (!acceptedAlgorithms.contains(header.getAlgorithm())) {
      throw new LtiException(
          LtiFailure.ALGORITHM_NOT_ALLOWED,
          "The id_token is signed with " + header.getAlgorithm() + "; this tool accepts only "
              + acceptedAlgorithms + ".");
    }
    if (header.getKeyID() == null || header.getKeyID().isBlank()) {
      throw new LtiException(LtiFailure.KEY_ID_MISSING, "The id_token header has no key id (kid).");
    }
    return signed;
  }

  private static JWTClaimsSet claimsOf(SignedJWT jwt) throws LtiException {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new LtiException(
          LtiFailure.MALFORMED_TOKEN, "The id_token payload is not a JSON object of claims.", e);
    }
  }

  // Security Framework §5.1.3 step 1: verify the signature with the platform's key
  private void verifySignature(SignedJWT jwt, PlatformRegistration registration) throws LtiException {
    JWK jwk = keys.keyFor(registration, jwt.getHeader().getKeyID());
    try {
      if (!(jwk instanceof AsymmetricJWK asymmetric)) {
        throw new LtiException(LtiFailure.BAD_SIGNATURE, "The platform key is not a public key.");
      }
      PublicKey publicKey = asymmetric.toPublicKey();
      JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), publicKey);
      if (!jwt.verify(verifier)) {
        throw new LtiException(
            LtiFailure.BAD_SIGNATURE, "The id_token signature does not match the platform's key.");
      }
    } catch (JOSEException e) {
      throw new LtiException(
          LtiFailure.BAD_SIGNATURE,
          "The id_token signature could not be checked with the platform's key.",
          e);
    }
  }

  // Security Framework §5.1.3 steps 3–5: aud contains client_id; azp when several audiences
  private static void checkAudience(JWTClaimsSet claims, String clientId) throws LtiException {
    List<String> audience = claims.getAudience();
    if (audience == null || !audience.contains(clientId)) {
      throw new LtiException(
          LtiFailure.WRONG_AUDIENCE, "The token's audience (aud) does not include this tool's client id.");
    }
    Object azp = claims.getClaim("azp");
    if (audience.size() > 1 && azp == null) {
      throw new LtiException(
          LtiFailure.WRONG_AUTHORIZED_PARTY,
          "The token has several audiences but no authorized party (azp).");
    }
    if (azp != null && !clientId.equals(azp)) {
      throw new LtiException(
          LtiFailure.WRONG_AUTHORIZED_PARTY,
          "The token's authorized party (azp) is not this tool's client id.");
    }
  }

  // Security Framework §5.1.3 steps 7–8: exp in the future, iat not in the future
  private void checkTimes(JWTClaimsSet claims) throws LtiException {
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    Date iat = claims.getIssueTime();
    if (exp == null || iat == null) {
      throw new LtiException(LtiFailure.CLAIM_INVALID, "The token must carry both exp and iat.");
    }
    if (exp.toInstant().plus(clockSkew).isBefore(now)) {
      throw new LtiException(LtiFailure.EXPIRED, "The id_token has expired (exp is in the past).");
    }
    if (iat.toInstant().minus(clockSkew).isAfter(now)) {
      throw new LtiException(
          LtiFailure.ISSUED_IN_FUTURE, "The id_token's issue time (iat) is in the future.");
    }
  }

  // Security Framework §5.1.3 step 9: nonce present, the one issued, and used once only
  private void checkNonce(JWTClaimsSet claims, PlatformRegistration registration, String expectedNonce)
      throws LtiException {
    Object nonce = claims.getClaim("nonce");
    if (!(nonce instanceof String value) || value.isEmpty()) {
      throw new LtiException(LtiFailure.NONCE_MISSING, "The id_token has no nonce.");
    }
    if (!value.equals(expectedNonce)) {
      throw new LtiException(
          LtiFailure.NONCE_MISMATCH, "The id_token's nonce is not the one this tool issued for this login.");
    }
    Instant keepUntil = claims.getExpirationTime().toInstant().plus(clockSkew).plus(Duration.ofMinutes(5));
    if (!nonces.markUsed(registration.issuer(), value, keepUntil)) {
      throw new LtiException(
          LtiFailure.NONCE_REPLAYED, "This id_token has already been used (its nonce was seen before).");
    }
  }
}
