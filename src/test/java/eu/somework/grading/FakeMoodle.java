package eu.somework.grading;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import eu.somework.lti.FakeLms;
import eu.somework.lti.FakeLms.Reply;
import eu.somework.lti.PlatformRegistration;
import eu.somework.lti.ServiceTokenClient;
import eu.somework.platform.KeyRing;
import eu.somework.platform.PlatformDirectory;
import eu.somework.platform.ServiceTokens;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Moodle the grading tests talk to over real HTTP ({@link FakeLms}): registered as
 * {@value #ISSUER} with client id {@code client-1} and deployment {@code dep-1}; its token endpoint
 * grants every request (tokens {@code at-1}, {@code at-2}, …); the tests route its services.
 */
final class FakeMoodle implements AutoCloseable {
  static final String ISSUER = "https://moodle.example.edu";

  final FakeLms lms;
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final PlatformDirectory platforms;
  private final ServiceTokens tokens;

  FakeMoodle(Clock clock) throws IOException, JOSEException {
    lms = new FakeLms();
    lms.route("POST", "/token", "application/x-www-form-urlencoded", null, r -> Reply.json(200,
        "{\"access_token\":\"at-" + tokensIssued.incrementAndGet() + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
    RSAKey toolKey = new RSAKeyGenerator(2048).keyID("tool-1").generate();
    KeyRing keys = new KeyRing() {
      @Override
      public RSAKey signingKey(String owner) {
        return toolKey;
      }
    };
    PlatformRegistration registration = new PlatformRegistration("Moodle", ISSUER, "client-1", Set.of("dep-1"),
        URI.create(ISSUER + "/auth"), lms.url("/token"), URI.create(ISSUER + "/keys"));
    platforms = new PlatformDirectory() {
      @Override
      public Optional<PlatformRegistration> find(String issuer, String clientId) {
        return issuer.equals(ISSUER) && clientId.equals("client-1") ? Optional.of(registration) : Optional.empty();
      }
    };
    tokens = ServiceTokens.over(keys, clock, new ServiceTokenClient(clock, Duration.ofSeconds(5)));
  }

  PlatformDirectory platforms() {
    return platforms;
  }

  ServiceTokens tokens() {
    return tokens;
  }

  /** How many access tokens the platform has granted. */
  int tokensIssued() {
    return tokensIssued.get();
  }

  @Override
  public void close() {
    lms.close();
  }
}
