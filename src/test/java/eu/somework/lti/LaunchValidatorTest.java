package eu.somework.lti;

import static eu.somework.lti.LtiAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The id_token checks of the 1EdTech Security Framework §5.1.3, each as "a valid launch, but one
 * thing is off". The LTI claims themselves are covered in {@link LaunchClaimsReaderTest}.
 */
class LaunchValidatorTest {
  static final Instant NOW = Instant.parse("2025-03-03T09:15:00Z");
  static final Duration SKEW = Duration.ofSeconds(60);
  static final String NONCE = "n-0f3c9d";

  // one key per run of this class: generating RSA keys is what makes these tests slow
  static final TestPlatform platform = TestPlatform.withFreshKey();
  final InMemoryNonceRegistry nonces = new InMemoryNonceRegistry();
  final LaunchValidator validator =
      new LaunchValidator(platform.keySource(), nonces, Clock.fixed(NOW, ZoneOffset.UTC), SKEW);

  JWTClaimsSet.Builder valid() {
    return platform.resourceLinkLaunch(NOW, NONCE);
  }

  LtiLaunch accept(String token) throws LtiException {
    return validator.validate(token, platform.registration(), NONCE, TestPlatform.TARGET);
  }

  LtiException reject(String token) {
    return assertThrows(LtiException.class, () -> accept(token));
  }

  @Test
  void validResourceLinkLaunchIsAccepted() throws LtiException {
    LtiLaunch launch = accept(platform.sign(valid()));

    assertEquals(TestPlatform.ISSUER, launch.issuer());
    assertEquals(TestPlatform.CLIENT_ID, launch.clientId());
    assertEquals(TestPlatform.DEPLOYMENT_ID, launch.deploymentId());
    assertEquals("user-2", launch.subject().orElseThrow());
    assertEquals(MessageType.RESOURCE_LINK, launch.messageType());
    assertEquals(java.util.Set.of(LaunchRole.LEARNER), launch.roles());
    assertEquals("42", launch.resourceLink().orElseThrow().id());
    assertEquals("17", launch.context().orElseThrow().id());
    assertTrue(nonces.isUsed(TestPlatform.ISSUER, NONCE), "the nonce is spent by the launch");
  }

  // --- the token's form and signature (§5.1.3 step 1, step 6) ---

  @Test
  void unsignedTokenIsRefused() {
    String none = new PlainJWT(valid().build()).serialize();

    assertRejected(reject(none), LtiFailure.ALGORITHM_NOT_ALLOWED, "not signed (alg 'none')");
  }

  @Test
  void hmacSignedWithThePublicKeyIsRefused() throws JOSEException {
    // the classic algorithm-confusion attack: the public key is public, so anyone can MAC with it
    byte[] publicKeyBytes = platform.key().toPublicKey().getEncoded();
    SignedJWT hs = new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(TestPlatform.KEY_ID).build(), valid().build());
    hs.sign(new MACSigner(publicKeyBytes));

    assertRejected(reject(hs.serialize()), LtiFailure.ALGORITHM_NOT_ALLOWED, "signed with HS256");
  }

  @Test
  void rs512IsRefusedWhenOnlyRs256IsAccepted() {
    String token = TestPlatform.sign(
        new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(TestPlatform.KEY_ID).build(),
        valid().build(), platform.key());

    assertRejected(reject(token), LtiFailure.ALGORITHM_NOT_ALLOWED, "signed with RS512");
  }

  @Test
  void tamperedPayloadIsRefused() {
    String[] parts = platform.sign(valid()).split("\\.");
    String otherUser = Base64URL.encode(valid().subject("user-1").build().toString()).toString();

    String tampered = parts[0] + "." + otherUser + "." + parts[2];

    assertRejected(reject(tampered), LtiFailure.BAD_SIGNATURE, "signature does not match");
  }

  @Test
  void tamperedSignatureIsRefused() {
    String token = platform.sign(valid());
    // a character in the middle: the last one may carry only padding bits
    int at = token.lastIndexOf('.') + 100;
    char flipped = token.charAt(at) == 'A' ? 'B' : 'A';

    String tampered = token.substring(0, at) + flipped + token.substring(at + 1);

    assertRejected(reject(tampered), LtiFailure.BAD_SIGNATURE, "signature does not match");
  }

  @Test
  void tamperedTokenDoesNotSpendTheNonce() throws LtiException {
    String token = platform.sign(valid());
    reject(token.substring(0, token.length() - 40) + "A".repeat(40));

    assertEquals("user-2", accept(token).subject().orElseThrow());
  }

  @Test
  void tokenSignedByAnotherKeyWithTheSameKidIsRefused() {
    String forged = TestPlatform.sign(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TestPlatform.KEY_ID).build(),
        valid().build(), TestPlatform.newKey(TestPlatform.KEY_ID));

    assertRejected(reject(forged), LtiFailure.BAD_SIGNATURE, "signature does not match");
  }

  @Test
  void unknownKidIsRefused() {
    String token = TestPlatform.sign(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("someone-elses-key").build(),
        valid().build(), platform.key());

    assertRejected(reject(token), LtiFailure.UNKNOWN_KEY, "kid");
  }

  @Test
  void missingKidIsRefused() {
    String token = TestPlatform.sign(new JWSHeader(JWSAlgorithm.RS256), valid().build(), platform.key());

    assertRejected(reject(token), LtiFailure.KEY_ID_MISSING, "no key id (kid)");
  }

  @Test
  void encryptedTokenIsRefused() throws JOSEException {
    EncryptedJWT jwe = new EncryptedJWT(
        new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM), valid().build());
    jwe.encrypt(new RSAEncrypter(platform.key().toRSAPublicKey()));

    assertRejected(reject(jwe.serialize()), LtiFailure.ALGORITHM_NOT_ALLOWED, "not an encrypted one");
  }

  // --- issuer and audience (§5.1.3 steps 2–5) ---

  @Test
  void wrongIssuerIsRefused() {
    String token = platform.sign(valid().issuer("https://other-moodle.example.org"));

    assertRejected(reject(token), LtiFailure.WRONG_ISSUER, "issuer (iss)");
  }

  @Test
  void audienceWithoutOurClientIdIsRefused() {
    String token = platform.sign(valid().audience("another-tool"));

    assertRejected(reject(token), LtiFailure.WRONG_AUDIENCE, "audience (aud)");
  }

  @Test
  void audienceAsPlainStringIsAccepted() throws LtiException {
    // RFC 7519 §4.1.3: aud may be a single string instead of an array
    String token = platform.sign(valid().audience(TestPlatform.CLIENT_ID));

    assertEquals(TestPlatform.CLIENT_ID, accept(token).clientId());
  }

  @Test
  void severalAudiencesWithoutAzpAreRefused() {
    String token = platform.sign(valid().audience(List.of(TestPlatform.CLIENT_ID, "another-tool")));

    assertRejected(reject(token), LtiFailure.WRONG_AUTHORIZED_PARTY, "no authorized party (azp)");
  }

  @Test
  void severalAudiencesWithAnotherAzpAreRefused() {
    String token = platform.sign(valid()
        .audience(List.of(TestPlatform.CLIENT_ID, "another-tool"))
        .claim("azp", "another-tool"));

    assertRejected(reject(token), LtiFailure.WRONG_AUTHORIZED_PARTY, "authorized party (azp) is not");
  }

  @Test
  void severalAudiencesWithOurAzpAreAccepted() throws LtiException {
    String token = platform.sign(valid()
        .audience(List.of(TestPlatform.CLIENT_ID, "another-tool"))
        .claim("azp", TestPlatform.CLIENT_ID));

    assertEquals(TestPlatform.CLIENT_ID, accept(token).clientId());
  }

  // --- time (§5.1.3 steps 7–8) ---

  @Test
  void expiredBeyondTheSkewIsRefused() {
    String token = platform.sign(valid().expirationTime(Date.from(NOW.minus(SKEW).minusSeconds(1))));

    assertRejected(reject(token), LtiFailure.EXPIRED, "has expired");
  }

  @Test
  void expiredWithinTheSkewIsAccepted() throws LtiException {
    String token = platform.sign(valid().expirationTime(Date.from(NOW.minus(SKEW).plusSeconds(1))));

    assertEquals("user-2", accept(token).subject().orElseThrow());
  }

  @Test
  void issuedInTheFutureBeyondTheSkewIsRefused() {
    String token = platform.sign(valid().issueTime(Date.from(NOW.plus(SKEW).plusSeconds(1))));

    assertRejected(reject(token), LtiFailure.ISSUED_IN_FUTURE, "(iat) is in the future");
  }

  @Test
  void issuedSlightlyAheadWithinTheSkewIsAccepted() throws LtiException {
    String token = platform.sign(valid().issueTime(Date.from(NOW.plus(SKEW).minusSeconds(1))));

    assertEquals("user-2", accept(token).subject().orElseThrow());
  }

  @Test
  void missingExpIsRefused() {
    String token = platform.sign(valid().expirationTime(null));

    assertRejected(reject(token), LtiFailure.CLAIM_INVALID, "both exp and iat");
  }

  // --- nonce (§5.1.3 step 9) ---

  @Test
  void missingNonceIsRefused() {
    String token = platform.sign(valid().claim("nonce", null));

    assertRejected(reject(token), LtiFailure.NONCE_MISSING, "no nonce");
  }

  @Test
  void nonceOtherThanTheIssuedOneIsRefused() {
    String token = platform.sign(platform.resourceLinkLaunch(NOW, "n-from-another-login"));

    assertRejected(reject(token), LtiFailure.NONCE_MISMATCH, "not the one this tool issued");
  }

  @Test
  void replayedTokenIsRefused() throws LtiException {
    String token = platform.sign(valid());
    accept(token);

    assertRejected(reject(token), LtiFailure.NONCE_REPLAYED, "already been used");
  }

  // --- malformed input ---

  @Test
  void missingTokenIsRefused() {
    assertRejected(reject(null), LtiFailure.ID_TOKEN_MISSING, "no id_token");
    assertRejected(reject("  "), LtiFailure.ID_TOKEN_MISSING, "no id_token");
  }

  @Test
  void garbageIsRefusedAsMalformed() {
    assertRejected(reject("this is not a token"), LtiFailure.MALFORMED_TOKEN, "not a well-formed JWT");
  }

  @Test
  void twoSegmentsAreRefusedAsMalformed() {
    String token = platform.sign(valid());
    String twoSegments = token.substring(0, token.lastIndexOf('.'));

    assertRejected(reject(twoSegments), LtiFailure.MALFORMED_TOKEN, "not a well-formed JWT");
  }

  @Test
  void payloadThatIsNotJsonIsRefusedAsMalformed() {
    String[] parts = platform.sign(valid()).split("\\.");
    String notJson = parts[0] + "." + Base64URL.encode("hello") + "." + parts[2];

    assertRejected(reject(notJson), LtiFailure.MALFORMED_TOKEN, "not a JSON object of claims");
  }

  @Test
  void oversizedTokenIsRefusedBeforeParsing() {
    String padding = "x".repeat(LaunchValidator.MAX_TOKEN_CHARS);
    String token = platform.sign(valid().claim("padding", padding));

    assertRejected(reject(token), LtiFailure.ID_TOKEN_TOO_LARGE, "larger than 65536 characters");
    assertFalse(nonces.isUsed(TestPlatform.ISSUER, NONCE));
  }
}
