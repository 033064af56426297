package eu.somework.lti;

import static eu.somework.lti.LtiAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import eu.somework.testsupport.HandClock;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Platform key sets fetched over real HTTP from a local server, cached, refetched on rotation. */
class PlatformKeyCacheTest {
  static final Duration MIN_TTL = Duration.ofMinutes(1);
  static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
  static final Duration MAX_TTL = Duration.ofHours(24);
  static final Duration UNKNOWN_KID_INTERVAL = Duration.ofSeconds(30);
  static final RSAKey KEY_A = TestPlatform.newKey("key-a");
  static final RSAKey KEY_B = TestPlatform.newKey("key-b");

  final HandClock clock = new HandClock(Instant.parse("2025-03-03T09:15:00Z"));
  JwksServer server;
  PlatformKeyCache cache;

  @BeforeEach
  void start() throws IOException {
    server = new JwksServer().serve(new JWKSet(KEY_A));
    cache = new PlatformKeyCache(new JwksFetcher(Duration.ofSeconds(2)), clock,
        MIN_TTL, DEFAULT_TTL, MAX_TTL, UNKNOWN_KID_INTERVAL);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  PlatformRegistration platformAt(URI jwks) {
    return new PlatformRegistration("Moodle", "https://moodle.example.org", "client-a", Set.of("3"),
        URI.create("https://moodle.example.org/auth"), URI.create("https://moodle.example.org/token"), jwks);
  }

  String kidFound(String kid) throws LtiException {
    return cache.keyFor(platformAt(server.uri()), kid).getKeyID();
  }

  LtiException refused(String kid) {
    return assertThrows(LtiException.class, () -> kidFound(kid));
  }

  @Test
  void secondLookupIsServedFromTheCache() throws LtiException {
    assertEquals("key-a", kidFound("key-a"));
    assertEquals("key-a", kidFound("key-a"));

    assertEquals(1, server.requests());
  }

  @Test
  void publishedKeyHasNoPrivatePart() throws LtiException {
    assertFalse(cache.keyFor(platformAt(server.uri()), "key-a").isPrivate());
  }

  @Test
  void cacheLastsAsLongAsMaxAgeSays() throws LtiException {
    server.cacheControl("public, max-age=300");
    kidFound("key-a");

    clock.advance(Duration.ofSeconds(299));
    kidFound("key-a");
    assertEquals(1, server.requests());

    clock.advance(Duration.ofSeconds(2));
    kidFound("key-a");
    assertEquals(2, server.requests());
  }

  @Test
  void withoutCacheControlTheDefaultLifetimeApplies() throws LtiException {
    kidFound("key-a");

    clock.advance(DEFAULT_TTL);
    kidFound("key-a");
    assertEquals(1, server.requests());

    clock.advance(Duration.ofSeconds(1));
    kidFound("key-a");
    assertEquals(2, server.requests());
  }

  @Test
  void noStoreStillCachesForTheFloor() throws LtiException {
    // a platform saying no-store must not make every launch wait for it
    server.cacheControl("no-store");
    kidFound("key-a");

    clock.advance(MIN_TTL.minusSeconds(1));
    kidFound("key-a");

    assertEquals(1, server.requests());
  }

  @Test
  void veryLongMaxAgeIsCappedAtTheCeiling() throws LtiException {
    server.cacheControl("max-age=31536000");
    kidFound("key-a");

    clock.advance(MAX_TTL.plusSeconds(1));
    kidFound("key-a");

    assertEquals(2, server.requests());
  }

  @Test
  void unknownKidTriggersOneRefetchSoRotatedKeysAreFound() throws LtiException {
    kidFound("key-a");
    clock.advance(Duration.ofSeconds(3));
    server.serve(new JWKSet(List.of(KEY_A, KEY_B)));

    assertEquals("key-b", kidFound("key-b"));
    assertEquals(2, server.requests());
  }

  @Test
  void unknownKidOnTheFirstLookupCostsOneRequest() {
    assertRejected(refused("key-x"), LtiFailure.UNKNOWN_KEY, "no key with the id (kid)");

    assertEquals(1, server.requests());
  }

  @Test
  void theSameUnknownKidRefetchesOncePerInterval() throws LtiException {
    kidFound("key-a");
    clock.advance(Duration.ofSeconds(5));
    assertRejected(refused("key-x"), LtiFailure.UNKNOWN_KEY, "no key with the id (kid)");
    assertEquals(2, server.requests());

    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(2));
      assertRejected(refused("key-x"), LtiFailure.UNKNOWN_KEY, "no key with the id (kid)");
    }
    assertEquals(2, server.requests(), "a forged kid repeated must not hammer the platform");

    clock.advance(Duration.ofSeconds(11));
    assertRejected(refused("key-x"), LtiFailure.UNKNOWN_KEY, "no key with the id (kid)");
    assertEquals(3, server.requests(), "after the interval the kid may be looked up again");
  }

  @Test
  void aRotationIsAcceptedAFewSecondsAfterAForgedKidAtTheDefaultInterval() throws LtiException {
    assertEquals(Duration.ofSeconds(30), UNKNOWN_KID_INTERVAL, "the default of unknown-kid-refetch-seconds");
    kidFound("key-a");
    clock.advance(Duration.ofMinutes(2));
    assertRejected(refused("forged-kid"), LtiFailure.UNKNOWN_KEY, "no key with the id (kid)");

    clock.advance(Duration.ofSeconds(3));
    server.serve(new JWKSet(List.of(KEY_A, KEY_B)));

    assertEquals("key-b", kidFound("key-b"));
    assertEquals(3, server.requests());
  }

  @Test
  void distinctForgedKidsCostAtMostTheBudgetPerInterval() throws LtiException {
    kidFound("key-a");
    for (int i = 0; i < 12; i++) {
      clock.advance(Duration.ofSeconds(2));
      assertRejected(refused("forged-" + i), LtiFailure.UNKNOWN_KEY, "no key with the id (kid)");
    }
    assertEquals(1 + PlatformKeyCache.UNKNOWN_KID_BUDGET, server.requests());

    // 24 s in: the budget is spent until the first of those refetches (at 2 s) is 30 s old
    server.serve(new JWKSet(List.of(KEY_A, KEY_B)));
    assertRejected(refused("key-b"), LtiFailure.UNKNOWN_KEY, "no key with the id (kid)");
    clock.advance(Duration.ofSeconds(9));
    assertEquals("key-b", kidFound("key-b"));
    assertEquals(2 + PlatformKeyCache.UNKNOWN_KID_BUDGET, server.requests());
  }

  @Test
  void aSetFetchedAMomentAgoIsNotRefetchedForAnUnknownKid() throws LtiException {
    kidFound("key-a");

    assertRejected(refused("key-x"), LtiFailure.UNKNOWN_KEY, "no key with the id (kid)");

    assertEquals(1, server.requests());
  }

  @Test
  void concurrentLaunchesWithARotatedKeyShareOneRefetch() throws Exception {
    kidFound("key-a");
    clock.advance(Duration.ofSeconds(3));
    server.serve(new JWKSet(List.of(KEY_A, KEY_B))).delay(Duration.ofMillis(200));
    ExecutorService launches = Executors.newFixedThreadPool(6);
    try {
      List<Future<String>> found = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        found.add(launches.submit(() -> kidFound("key-b")));
      }
      for (Future<String> f : found) {
        assertEquals("key-b", f.get(10, TimeUnit.SECONDS));
      }
    } finally {
      launches.shutdownNow();
    }

    assertEquals(2, server.requests());
  }

  @Test
  void platformDownWithNothingCachedMakesKeysUnavailable() {
    URI jwks = server.uri();
    server.close();

    LtiException e = assertThrows(LtiException.class, () -> cache.keyFor(platformAt(jwks), "key-a"));

    assertRejected(e, LtiFailure.PLATFORM_KEYS_UNAVAILABLE, "could not be fetched from its key set URL");
    assertRejected(e, LtiFailure.PLATFORM_KEYS_UNAVAILABLE, "(no answer from 127.0.0.1: ");
    assertFalse(e.getMessage().contains("null"), e.getMessage());
  }

  @Test
  void platformDownWithAStaleCopyUsesTheStaleKeys() throws LtiException {
    URI jwks = server.uri();
    cache.keyFor(platformAt(jwks), "key-a");
    clock.advance(DEFAULT_TTL.plusMinutes(5));
    server.close();

    assertEquals("key-a", cache.keyFor(platformAt(jwks), "key-a").getKeyID());
  }

  @Test
  void failingRefetchKeepsTheStaleCopyWithoutAskingOnEveryLaunch() throws LtiException {
    kidFound("key-a");
    clock.advance(DEFAULT_TTL.plusMinutes(5));
    server.serve(500, "{\"error\":\"maintenance\"}");

    assertEquals("key-a", kidFound("key-a"));
    assertEquals("key-a", kidFound("key-a"));

    assertEquals(2, server.requests());
  }

  @Test
  void aPlatformThatIsDownIsNotAskedOnEveryLaunch() {
    server.serve(500, "Internal Server Error");
    assertRejected(refused("key-a"), LtiFailure.PLATFORM_KEYS_UNAVAILABLE, "answered HTTP 500");

    clock.advance(PlatformKeyCache.FAILURE_TTL.minusSeconds(1));
    assertRejected(refused("key-a"), LtiFailure.PLATFORM_KEYS_UNAVAILABLE, "answered HTTP 500");
    assertEquals(1, server.requests(), "the failure is remembered for a while");

    clock.advance(Duration.ofSeconds(2));
    server.serve(new JWKSet(KEY_A));
    assertEquals("key-a", refusedOrFound("key-a"));
    assertEquals(2, server.requests());
  }

  String refusedOrFound(String kid) {
    try {
      return kidFound(kid);
    } catch (LtiException e) {
      return e.failure().name();
    }
  }

  @Test
  void whileASetIsRefreshedSlowlyLaunchesUseTheStaleCopyWithoutWaiting() throws Exception {
    kidFound("key-a");
    clock.advance(DEFAULT_TTL.plusSeconds(1));
    server.delay(Duration.ofMillis(1500));
    ExecutorService launches = Executors.newSingleThreadExecutor();
    try {
      Future<String> refreshing = launches.submit(() -> kidFound("key-a"));
      while (server.requests() < 2) {
        Thread.sleep(10);
      }
      long started = System.nanoTime();
      assertEquals("key-a", kidFound("key-a"));
      long waitedMillis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(waitedMillis < 1000, "waited " + waitedMillis + " ms for another launch's fetch");
      assertEquals("key-a", refreshing.get(10, TimeUnit.SECONDS));
    } finally {
      launches.shutdownNow();
    }
    assertEquals(2, server.requests());
  }

  @Test
  void http500WithNothingCachedMakesKeysUnavailable() {
    server.serve(500, "Internal Server Error");

    assertRejected(refused("key-a"), LtiFailure.PLATFORM_KEYS_UNAVAILABLE, "answered HTTP 500");
  }

  @Test
  void bodyThatIsNotJsonMakesKeysUnavailable() {
    server.serve(200, "<html><body>Moodle is being upgraded</body></html>");

    assertRejected(refused("key-a"), LtiFailure.PLATFORM_KEYS_UNAVAILABLE, "not a valid JWKS document");
  }
}
