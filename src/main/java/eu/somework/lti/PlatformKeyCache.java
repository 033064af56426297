package eu.somework.lti;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Platform key sets, cached per JWKS URL for as long as the platform's Cache-Control allows
 * (clamped to a floor and a ceiling), so a launch does not wait for the platform. Nimbus's
 * {@code JWKSourceBuilder} is not used because it ignores the platform's Cache-Control and has no
 * per-kid refetch budget.
 *
 * <p><b>Unknown {@code kid}: rotation versus forged tokens.</b> A {@code kid} that is not in the
 * cached set may mean the platform rotated its key (a real launch must then succeed at once) or a
 * forged token (which must not make the tool hammer the platform). One global "one refetch per
 * interval" rule cannot tell them apart: a single forged token would block a real rotation for the
 * whole interval. So an unknown kid refetches the set when all of these hold:
 * <ul>
 *   <li>this kid has not caused a refetch within {@code unknownKeyRefetchInterval} (a forged kid
 *       repeated costs one request, not one per token);</li>
 *   <li>fewer than {@link #UNKNOWN_KID_BUDGET} unknown-kid refetches of this set happened within
 *       the interval (distinct forged kids cost at most that many requests per interval);</li>
 *   <li>the last fetch of the set was tried at least {@link #REFETCH_FLOOR} ago (a set fetched a
 *       moment ago, e.g. for this very launch, is as fresh as a refetch would make it, and a
 *       fetch that just failed is not retried at once).</li>
 * </ul>
 * Concurrent launches with the same new kid share one request: they wait on the set's lock and
 * find the refetched set. With the defaults (30 s, budget 5), a platform sees at most 5 extra
 * requests per 30 s however many forged tokens arrive, and a rotation is accepted on the next
 * launch (a second or more after the last fetch) unless 5 distinct forged kids were sent within
 * the last 30 s.
 *
 * <p><b>A slow or down platform.</b> Fetches of one set are serialised by a lock of that set only,
 * so a slow platform holds up only its own launches; a launch waits at most {@link #LOCK_WAIT}
 * for it. While a set is being refreshed, launches whose key is in the stale copy use that copy
 * without waiting. A failed fetch with nothing cached is remembered for {@link #FAILURE_TTL}, so
 * a down platform is not asked (and waited for) on every launch; when an older copy exists, it
 * is used for {@code minTtl} before the next try.
 *
 * <p>This is a per-instance cache of public data, not shared state: every instance may hold its
 * own copy. Thread-safe.
 */
public final class PlatformKeyCache implements PlatformKeySource {
  /** Unknown-kid refetches of one key set allowed per {@code unknownKeyRefetchInterval}. */
  static final int UNKNOWN_KID_BUDGET = 5;
  /** A set younger than this is not refetched for an unknown kid. */
  static final Duration REFETCH_FLOOR = Duration.ofSeconds(1);
  /** How long a failed first fetch is answered from memory. */
  static final Duration FAILURE_TTL = Duration.ofSeconds(15);
  /** The longest a launch waits for another launch's fetch of the same set. */
  static final Duration LOCK_WAIT = Duration.ofSeconds(15);

  private final JwksFetcher fetcher;
  private final Clock clock;
  private final Duration minTtl;
  private final Duration maxTtl;
  private final Duration defaultTtl;
  private final Duration unknownKeyRefetchInterval;
  private final ConcurrentHashMap<URI, Cached> sets = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<URI, Failure> failures = new ConcurrentHashMap<>();
  /** One lock per key set, which also guards that set's {@link UnknownKidRefetches}. */
  private final ConcurrentHashMap<URI, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<URI, UnknownKidRefetches> refetches = new ConcurrentHashMap<>();

  /** A key set; {@code lastAttempt} is the last fetch tried, successful or not. */
  private record Cached(JWKSet keys, Instant fetchedAt, Instant expiresAt, Instant lastAttempt) {}

  private record Failure(LtiException reason, Instant until) {}

  /**
   * @param fetcher fetches a key set over HTTP (its own timeouts bound every wait here)
   * @param minTtl the shortest a set is cached, even with no-store
   * @param defaultTtl how long a set is cached when the platform says nothing
   * @param maxTtl the longest a set is cached, whatever the platform says
   * @param unknownKeyRefetchInterval the window of the per-kid and per-set refetch limits
   */
  public PlatformKeyCache(
      JwksFetcher fetcher,
      Clock clock,
      Duration minTtl,
      Duration defaultTtl,
      Duration maxTtl,
      Duration unknownKeyRefetchInterval) {
    this.fetcher = fetcher;
    this.clock = clock;
    this.minTtl = minTtl;
    this.defaultTtl = defaultTtl;
    this.maxTtl = maxTtl;
    this.unknownKeyRefetchInterval = unknownKeyRefetchInterval;
  }

  /**
   * The platform's public key with this id.
   *
   * @throws LtiException {@link LtiFailure#UNKNOWN_KEY} when the set has no such key (after a
   *     refetch, when one is allowed); {@link LtiFailure#PLATFORM_KEYS_UNAVAILABLE} when the set
   *     cannot be fetched and no copy is cached
   */
  @Override
  public JWK keyFor(PlatformRegistration registration, String keyId) throws LtiException {
    URI uri = registration.jwksUri();
    Instant now = clock.instant();
    Cached cached = sets.get(uri);
    if (cached == null || now.isAfter(cached.expiresAt())) {
      JWK stale = cached == null ? null : cached.keys().getKeyByKeyId(keyId);
      if (stale != null && lockOf(uri).isLocked()) {
        return stale; // another launch is refreshing this set: do not queue behind it
      }
      cached = refreshExpired(uri, cached);
    }
    JWK key = cached.keys().getKeyByKeyId(keyId);
    if (key == null) {
      key = refetchForUnknownKey(uri, cached, keyId).keys().getKeyByKeyId(keyId);
    }
    if (key == null) {
      throw unknownKey();
    }
    return key;
  }

  /**
   * Forgets every cached key set and remembered failure (not the unknown-kid refetch budgets), so
   * the next launch of each platform fetches its set again: called when a registration changed,
   * e.g. an administrator registered a platform again with another key set URL or after a key
   * compromise.
   */
  public void forgetAll() {
    sets.clear();
    failures.clear();
  }

  private static LtiException unknownKey() {
    return new LtiException(
        LtiFailure.UNKNOWN_KEY, "The platform's key set has no key with the id (kid) named in the token.");
  }

  private Cached refreshExpired(URI uri, Cached previous) throws LtiException {
    Failure failure = failures.get(uri);
    if (previous == null && failure != null && clock.instant().isBefore(failure.until())) {
      throw failure.reason();
    }
    ReentrantLock lock = lock(uri);
    try {
      Cached current = sets.get(uri);
      if (current != null && current != previous) {
        // another launch refreshed the set while this one waited: one request serves them all
        return current;
      }
      return fetch(uri, previous);
    } finally {
      lock.unlock();
    }
  }

  private Cached refetchForUnknownKey(URI uri, Cached seen, String keyId) throws LtiException {
    ReentrantLock lock = lock(uri);
    try {
      Cached current = sets.get(uri);
      if (current != seen && current != null && current.keys().getKeyByKeyId(keyId) != null) {
        return current; // another launch fetched the rotated set meanwhile
      }
      Instant now = clock.instant();
      Cached base = current == null ? seen : current;
      if (base.lastAttempt().plus(REFETCH_FLOOR).isAfter(now)
          || !refetches.computeIfAbsent(uri, u -> new UnknownKidRefetches())
              .tryTake(keyId, now, unknownKeyRefetchInterval)) {
        return base;
      }
      return fetch(uri, base);
    } finally {
      lock.unlock();
    }
  }

  private ReentrantLock lockOf(URI uri) {
    return locks.computeIfAbsent(uri, u -> new ReentrantLock());
  }

  private ReentrantLock lock(URI uri) throws LtiException {
    ReentrantLock lock = lockOf(uri);
    try {
      if (lock.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        return lock;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new LtiException(
        LtiFailure.PLATFORM_KEYS_UNAVAILABLE,
        "The platform's key set URL is answering too slowly, so the launch cannot be verified now."
            + " Try again in a minute.");
  }

  /** Fetches under the set's lock; on failure keeps the older copy, or remembers the failure. */
  private Cached fetch(URI uri, Cached previous) throws LtiException {
    Instant now = clock.instant();
    try {
      JwksFetcher.Fetched fetched = fetcher.fetch(uri);
      Instant at = clock.instant();
      Cached fresh = new Cached(fetched.keys(), at, at.plus(ttl(fetched)), at);
      sets.put(uri, fresh);
      failures.remove(uri);
      return fresh;
    } catch (IOException e) {
      if (previous != null) {
        Cached kept = new Cached(previous.keys(), previous.fetchedAt(), now.plus(minTtl), clock.instant());
        sets.put(uri, kept);
        return kept;
      }
      LtiException reason = new LtiException(
          LtiFailure.PLATFORM_KEYS_UNAVAILABLE,
          "The platform's public keys could not be fetched from its key set URL ("
              + e.getMessage()
              + "), so the launch cannot be verified. Try again later; if it persists, the"
              + " platform's administrator should check the tool registration.",
          e);
      failures.put(uri, new Failure(reason, clock.instant().plus(FAILURE_TTL)));
      throw reason;
    }
  }

  private Duration ttl(JwksFetcher.Fetched fetched) {
    Duration ttl = fetched.maxAge().orElse(defaultTtl);
    if (ttl.compareTo(minTtl) < 0) {
      return minTtl;
    }
    return ttl.compareTo(maxTtl) > 0 ? maxTtl : ttl;
  }

  /**
   * The unknown-kid refetches of one key set within the interval: which kid caused each, and
   * when. Holds at most {@link #UNKNOWN_KID_BUDGET} entries. Guarded by the set's lock.
   */
  private static final class UnknownKidRefetches {
    private final Map<String, Instant> byKid = new HashMap<>();
    private final ArrayDeque<Instant> recent = new ArrayDeque<>();

    boolean tryTake(String keyId, Instant now, Duration interval) {
      Instant cutoff = now.minus(interval);
      byKid.values().removeIf(at -> !at.isAfter(cutoff));
      while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
        recent.pollFirst();
      }
      if (byKid.containsKey(keyId) || recent.size() >= UNKNOWN_KID_BUDGET) {
        return false;
      }
      byKid.put(keyId, now);
      recent.addLast(now);
      return true;
    }
  }
}
