package eu.somework.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import eu.somework.config.Settings;
import eu.somework.lti.Rs256Signer;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.HandClock;
import eu.somework.testsupport.MigratedDatabase;
import eu.somework.testsupport.TestConfig;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rotating the tool's signing key on a real database (H2 and PostgreSQL), with time moved by hand:
 * a platform that caches the key set for as long as it may never meets a signature it cannot
 * verify, old keys leave the set once nothing they signed is valid, and instances that run the
 * rotation at once take each step once.
 */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class KeyRotationTest {
  private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

  @Parameter DatabaseEngine engine;

  private MigratedDatabase db;
  private HandClock clock;

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(engine);
    clock = new HandClock(START);
  }

  private KeyRing ring(Map<String, String> settings) {
    return KeyRing.over(db.transactor(), new Settings(TestConfig.of(settings)), clock);
  }

  private KeyRing ring() {
    return ring(Map.of("somework.keys.rotation-days", "0"));
  }

  private String signedNow(KeyRing ring) {
    Instant now = clock.instant();
    return Rs256Signer.sign(ring.signingKey(KeyRing.TOOL), new JWTClaimsSet.Builder().issuer("client-1")
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))).build());
  }

  private Set<String> publishedKids(KeyRing ring) {
    Set<String> kids = new HashSet<>();
    ring.publicKeySet(KeyRing.TOOL).getKeys().forEach(k -> kids.add(k.getKeyID()));
    return kids;
  }

  @Test
  void aRotationAskedForTwiceAnswersTheSameInstantWhenTheClockHasNanoseconds() {
    KeyRing ring = ring();
    ring.ensureKeys(KeyRing.TOOL);
    clock.advance(Duration.ofMinutes(90).plusNanos(123_456_789)); // the next key is due at once: "now"

    Instant switchAt = ring.scheduleRotation(KeyRing.TOOL);
    assertEquals(switchAt, ring.scheduleRotation(KeyRing.TOOL), "the stored instant, not a finer one");
    assertEquals(java.util.Optional.of(switchAt), ring.keys(KeyRing.TOOL).stream()
        .filter(k -> k.status() == SigningKey.Status.NEXT).findFirst().orElseThrow().activateAt());
  }

  @Test
  void aRotationWaitsUntilTheNextKeyHasBeenPublishedForTheOverlapAndTheOldKeyStaysUntilItsSignaturesExpire() {
    KeyRing ring = ring();
    ring.ensureKeys(KeyRing.TOOL);
    String first = ring.signingKey(KeyRing.TOOL).getKeyID();
    clock.advance(Duration.ofMinutes(10));

    Instant switchAt = ring.scheduleRotation(KeyRing.TOOL);
    assertEquals(START.plus(Duration.ofMinutes(60)), switchAt, "the next key was published at the start");
    assertEquals(switchAt, ring.scheduleRotation(KeyRing.TOOL), "asking twice changes nothing");

    clock.advance(Duration.ofMinutes(49));
    ring.advance(KeyRing.TOOL);
    assertEquals(first, ring.signingKey(KeyRing.TOOL).getKeyID(), "a minute before the switch");

    clock.advance(Duration.ofMinutes(1));
    assertFalse(ring.advance(KeyRing.TOOL).isEmpty());
    String second = ring.signingKey(KeyRing.TOOL).getKeyID();
    assertNotEquals(first, second);
    assertEquals(3, publishedKids(ring).size(), "the new key, the one after it, and the old one");
    assertTrue(publishedKids(ring).contains(first));

    clock.advance(KeyRing.SIGNED_VALIDITY.minusSeconds(1));
    ring.advance(KeyRing.TOOL);
    assertTrue(publishedKids(ring).contains(first), "a token it signed may still be valid");
    clock.advance(Duration.ofSeconds(1));
    ring.advance(KeyRing.TOOL);
    assertFalse(publishedKids(ring).contains(first), "withdrawn once nothing it signed can be valid");
    assertEquals(2, publishedKids(ring).size());
    assertEquals(SigningKeyStatusCounts.of(1, 1, 0, 1), SigningKeyStatusCounts.of(ring.keys(KeyRing.TOOL)));
  }

  @Test
  void aPlatformThatCachesTheKeySetAsLongAsAllowedVerifiesEverySignatureThroughTwoRotations() throws Exception {
    KeyRing ring = ring(Map.of("somework.keys.rotation-days", "0", "somework.keys.overlap-minutes", "20"));
    ring.ensureKeys(KeyRing.TOOL);
    CachingPlatform platform = new CachingPlatform(ring);
    List<Signed> recent = new ArrayList<>();
    Set<String> signers = new HashSet<>();
    for (int minute = 0; minute < 100; minute++) {
      // the second as early as allowed: its key has been published for exactly the overlap
      if (minute == 15 || minute == 41) {
        ring.scheduleRotation(KeyRing.TOOL);
      }
      ring.advance(KeyRing.TOOL);
      Instant now = clock.instant();
      recent.removeIf(s -> !s.expires().isAfter(now));
      String jwt = signedNow(ring);
      recent.add(new Signed(jwt, now.plus(Duration.ofMinutes(5))));
      signers.add(SignedJWT.parse(jwt).getHeader().getKeyID());
      for (Signed s : recent) { // every token still valid, checked as the platform checks it now
        assertTrue(platform.verifies(s.jwt(), now), "minute " + minute + ": a valid signature failed");
      }
      clock.advance(Duration.ofMinutes(1));
    }
    assertEquals(3, signers.size(), "two rotations: three keys signed in turn");
    assertEquals(5, platform.fetches, "the platform refreshed its cache only when the max-age allowed");
  }

  @Test
  void aKeyOlderThanTheRotationIntervalIsReplacedWithoutAnAdministratorAsking() {
    KeyRing ring = ring(Map.of("somework.keys.rotation-days", "30"));
    ring.ensureKeys(KeyRing.TOOL);
    String first = ring.signingKey(KeyRing.TOOL).getKeyID();
    clock.advance(Duration.ofDays(29));
    assertTrue(ring.advance(KeyRing.TOOL).isEmpty(), "not due yet");

    clock.advance(Duration.ofDays(1));
    ring.advance(KeyRing.TOOL); // schedules: the next key has been published for a month
    clock.advance(KeyRotationJob.PERIOD);
    ring.advance(KeyRing.TOOL);
    assertNotEquals(first, ring.signingKey(KeyRing.TOOL).getKeyID());
  }

  @Test
  void twoInstancesRunningTheRotationAtOnceTakeEachStepOnce() throws Exception {
    KeyRing a = ring();
    KeyRing b = ring();
    a.ensureKeys(KeyRing.TOOL);
    a.scheduleRotation(KeyRing.TOOL);
    clock.advance(Duration.ofMinutes(61));
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (KeyRing instance : List.of(a, b)) {
        runs.add(pool.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          return instance.advance(KeyRing.TOOL);
        }));
      }
      int steps = 0;
      for (Future<List<String>> run : runs) {
        steps += run.get(60, TimeUnit.SECONDS).size();
      }
      assertEquals(1, steps, "one promotion between them");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(SigningKeyStatusCounts.of(1, 1, 1, 0), SigningKeyStatusCounts.of(a.keys(KeyRing.TOOL)));
    assertEquals(a.signingKey(KeyRing.TOOL).getKeyID(), b.signingKey(KeyRing.TOOL).getKeyID());
  }

  @Test
  void aSecondSigningKeyLeftByAnEarlierVersionIsRepairedAtStartAndStaysPublishedUntilItsSignaturesExpire()
      throws Exception {
    KeyRing ring = ring();
    ring.ensureKeys(KeyRing.TOOL);
    String first = ring.signingKey(KeyRing.TOOL).getKeyID();
    // what two instances starting at once left before they took turns: a second CURRENT and NEXT key
    clock.advance(Duration.ofSeconds(1));
    String secondCurrent = storeKey(SigningKey.Status.CURRENT);
    String secondNext = storeKey(SigningKey.Status.NEXT);
    assertEquals(SigningKeyStatusCounts.of(2, 2, 0, 0), SigningKeyStatusCounts.of(ring.keys(KeyRing.TOOL)));

    ring.ensureKeys(KeyRing.TOOL);
    assertEquals(SigningKeyStatusCounts.of(1, 1, 1, 1), SigningKeyStatusCounts.of(ring.keys(KeyRing.TOOL)));
    assertEquals(first, ring.signingKey(KeyRing.TOOL).getKeyID(), "the oldest keeps signing");
    assertTrue(publishedKids(ring).contains(secondCurrent), "what the other instance signed still verifies");
    assertFalse(publishedKids(ring).contains(secondNext), "a next key that never signed is withdrawn");
    ring.ensureKeys(KeyRing.TOOL);
    assertEquals(SigningKeyStatusCounts.of(1, 1, 1, 1), SigningKeyStatusCounts.of(ring.keys(KeyRing.TOOL)),
        "the next start changes nothing");

    clock.advance(KeyRing.SIGNED_VALIDITY);
    ring.advance(KeyRing.TOOL);
    assertFalse(publishedKids(ring).contains(secondCurrent), "withdrawn once nothing it signed can be valid");
    assertEquals(first, ring.signingKey(KeyRing.TOOL).getKeyID());
  }

  /** Stores a key of the tool as an earlier version's second instance did; returns its kid. */
  private String storeKey(SigningKey.Status status) throws JOSEException {
    RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    SigningKey stored = new SigningKey(key.getKeyID(), KeyRing.TOOL, status, key.toJSONString(), false,
        clock.instant());
    if (status == SigningKey.Status.CURRENT) {
      stored.promoteToCurrent(clock.instant());
    }
    db.transactor().run(em -> em.persist(stored));
    return key.getKeyID();
  }

  @Test
  void theKeySetIsNeverCachedLongerThanTheOverlap() {
    assertEquals(Duration.ofMinutes(60), ring().keySetMaxAge());
    assertEquals(Duration.ofMinutes(10), ring(Map.of("somework.keys.overlap-minutes", "10")).keySetMaxAge());
    assertEquals(Duration.ofMinutes(60), ring(Map.of("somework.keys.overlap-minutes", "1440")).keySetMaxAge());
  }

  private record Signed(String jwt, Instant expires) {}

  /** How many keys are in each state. */
  private record SigningKeyStatusCounts(long current, long next, long previous, long retired) {
    static SigningKeyStatusCounts of(long current, long next, long previous, long retired) {
      return new SigningKeyStatusCounts(current, next, previous, retired);
    }

    static SigningKeyStatusCounts of(List<KeyRing.KeyState> keys) {
      return new SigningKeyStatusCounts(count(keys, SigningKey.Status.CURRENT), count(keys, SigningKey.Status.NEXT),
          count(keys, SigningKey.Status.PREVIOUS), count(keys, SigningKey.Status.RETIRED));
    }

    private static long count(List<KeyRing.KeyState> keys, SigningKey.Status status) {
      return keys.stream().filter(k -> k.status() == status).count();
    }
  }

  /**
   * A platform at its strictest: fetches the tool's key set, keeps it for exactly the max-age the
   * tool allows, and never refetches early for an unknown kid.
   */
  private static final class CachingPlatform {
    private final KeyRing tool;
    private JWKSet cached;
    private Instant fetchedAt;
    int fetches;

    CachingPlatform(KeyRing tool) {
      this.tool = tool;
    }

    boolean verifies(String jwt, Instant now) throws ParseException, JOSEException {
      if (cached == null || !fetchedAt.plus(tool.keySetMaxAge()).isAfter(now)) {
        cached = JWKSet.parse(tool.publicKeySet(KeyRing.TOOL).toString(true));
        fetchedAt = now;
        fetches++;
      }
      SignedJWT token = SignedJWT.parse(jwt);
      JWK key = cached.getKeyByKeyId(token.getHeader().getKeyID());
      return key != null && token.verify(new RSASSAVerifier(key.toRSAKey()));
    }
  }
}
