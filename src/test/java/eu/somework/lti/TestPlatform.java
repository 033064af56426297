package eu.somework.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A platform for tests: it owns a fresh RSA key (generated per run, nothing secret is committed),
 * knows the registration the tool holds for it, and signs id_tokens. {@link #resourceLinkLaunch}
 * gives the claims of a valid launch, so a test can say "a valid launch, but X".
 */
final class TestPlatform {
  static final String ISSUER = "https://moodle.example.org";
  static final String CLIENT_ID = "client-7Hq2";
  static final String DEPLOYMENT_ID = "3";
  static final String KEY_ID = "platform-key-1";
  static final String TARGET = "https://tool.example.org/lti/launch";

  private final RSAKey key;

  private TestPlatform(RSAKey key) {
    this.key = key;
  }

  static TestPlatform withFreshKey() {
    return new TestPlatform(newKey(KEY_ID));
  }

  static RSAKey newKey(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  RSAKey key() {
    return key;
  }

  PlatformRegistration registration() {
    return new PlatformRegistration(
        "Test Moodle",
        ISSUER,
        CLIENT_ID,
        Set.of(DEPLOYMENT_ID, "9"),
        URI.create(ISSUER + "/mod/lti/auth.php"),
        URI.create(ISSUER + "/mod/lti/token.php"),
        URI.create(ISSUER + "/mod/lti/certs.php"));
  }

  /** The platform's published key set, as the tool would find it at the JWKS URL. */
  PlatformKeySource keySource() {
    JWKSet published = new JWKSet(key.toPublicJWK());
    return (registration, keyId) -> {
      var found = published.getKeyByKeyId(keyId);
      if (found == null) {
        throw new LtiException(LtiFailure.UNKNOWN_KEY, "No key with that kid.");
      }
      return found;
    };
  }

  /** The claims of a valid LtiResourceLinkRequest, issued at {@code now} for {@code nonce}. */
  JWTClaimsSet.Builder resourceLinkLaunch(Instant now, String nonce) {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("user-2")
        .audience(List.of(CLIENT_ID))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(60)))
        .claim("nonce", nonce)
        .claim("name", "Aino Virtanen")
        .claim(LtiClaim.DEPLOYMENT_ID, DEPLOYMENT_ID)
        .claim(LtiClaim.VERSION, "1.3.0")
        .claim(LtiClaim.MESSAGE_TYPE, "LtiResourceLinkRequest")
        .claim(LtiClaim.TARGET_LINK_URI, TARGET)
        .claim(LtiClaim.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
        .claim(LtiClaim.RESOURCE_LINK, Map.of("id", "42", "title", "Unit 1: Your digital footprint"))
        .claim(LtiClaim.CONTEXT, Map.of("id", "17", "label", "SMW-101", "title", "Social media at work"))
        .claim(LtiClaim.LAUNCH_PRESENTATION, Map.of("locale", "fi", "return_url", ISSUER + "/course/view.php?id=17"))
        .claim(LtiClaim.CUSTOM, Map.of("unit", "digital-footprint"));
  }

  String sign(JWTClaimsSet.Builder claims) {
    return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims.build(), key);
  }

  static String sign(JWSHeader header, JWTClaimsSet claims, RSAKey signingKey) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(new RSASSASigner(signingKey));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
