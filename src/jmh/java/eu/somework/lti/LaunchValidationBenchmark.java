package eu.somework.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The launch check without a server: {@link LaunchValidator#validate} of a Moodle-sized id_token
 * (RS256, 2048-bit key) against the real {@link PlatformKeyCache}, warmed so the key set is cached,
 * and a nonce registry that accepts every nonce (the database's part is measured by the load
 * driver). Beside it, its parts: parsing the JWT and the bare RSA signature check.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LaunchValidationBenchmark {
  private static final String KEY_ID = "moodle-2025-1";

  private LaunchValidator validator;
  private PlatformRegistration registration;
  private String idToken;
  private RSASSAVerifier rsaVerifier;
  private RSASSASigner platformSigner;
  private SignedJWT unsigned;

  @Setup
  public void setUp() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
    JWKSet published = new JWKSet(key.toPublicJWK());
    registration = new PlatformRegistration("Example Moodle", MoodleIdToken.ISSUER, MoodleIdToken.CLIENT_ID,
        Set.of(MoodleIdToken.DEPLOYMENT_ID), URI.create(MoodleIdToken.ISSUER + "/mod/lti/auth.php"),
        URI.create(MoodleIdToken.ISSUER + "/mod/lti/token.php"), URI.create(MoodleIdToken.ISSUER + "/mod/lti/certs.php"));
    // the platform's key set as the fetcher would return it, cached for an hour
    JwksFetcher fetcher = new JwksFetcher(Duration.ofSeconds(1)) {
      @Override
      public Fetched fetch(URI jwksUri) {
        return new Fetched(published, Optional.of(Duration.ofHours(1)));
      }
    };
    PlatformKeyCache keys = new PlatformKeyCache(fetcher, Clock.systemUTC(), Duration.ofMinutes(1),
        Duration.ofMinutes(10), Duration.ofHours(24), Duration.ofSeconds(30));
    NonceRegistry acceptsEveryNonce = (issuer, nonce, keepUntil) -> true;
    validator = new LaunchValidator(keys, acceptsEveryNonce, Clock.systemUTC(), Duration.ofSeconds(60));
    // valid for the whole run; a real Moodle token lives 60 s
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(),
        MoodleIdToken.claims(Instant.now(), Duration.ofHours(2)));
    jwt.sign(new RSASSASigner(key));
    idToken = jwt.serialize();
    rsaVerifier = new RSASSAVerifier(key.toRSAPublicKey());
    platformSigner = new RSASSASigner(key);
    unsigned = SignedJWT.parse(idToken);
    LtiLaunch launch = validator.validate(idToken, registration, MoodleIdToken.NONCE, "https://somework.example.edu/lti/launch");
    if (!launch.roles().contains(LaunchRole.INSTRUCTOR)) {
      throw new IllegalStateException("the benchmark token should launch an instructor: " + launch.roles());
    }
    System.out.println("\nid_token length: " + idToken.length() + " characters");
  }

  /** The whole check a launch makes: parse, key lookup, RS256 verify, claims, nonce, LTI claims. */
  @Benchmark
  public LtiLaunch validate() throws LtiException {
    return validator.validate(idToken, registration, MoodleIdToken.NONCE, "https://somework.example.edu/lti/launch");
  }

  /** Parsing alone: base64url and JSON of header and claims. */
  @Benchmark
  public Object parseOnly() throws ParseException {
    return SignedJWT.parse(idToken).getJWTClaimsSet();
  }

  /** The RSA-2048 signature check alone, with a verifier made once. */
  @Benchmark
  public boolean rsaVerifyOnly() throws ParseException, JOSEException {
    return SignedJWT.parse(idToken).verify(rsaVerifier);
  }

  /**
   * The other side, for comparison: the platform (Moodle, or the simulator inside the tool) signing
   * the id_token with its RSA-2048 private key — the costliest step of a simulated launch.
   */
  @Benchmark
  public String platformSigns() throws JOSEException {
    JWSObject jwt = new JWSObject(unsigned.getHeader(), unsigned.getPayload());
    jwt.sign(platformSigner);
    return jwt.serialize();
  }
}
