package eu.somework.lti;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Platform key sets, cached per JWKS URL for as long as the platform's Cache-Control allows
 * (clamped to a floor and a ceiling), so a launch does not wait for the platform. A {@code kid}
 * that is not in the cached set triggers one refetch — the platform may have rotated its keys —
 * but at most once per {@code unknownKeyRefetchInterval} per key set, so a stream of forged
 * tokens cannot make the tool hammer the platform. When a refetch fails and an older copy exists,
 * the older copy is used.
 *
 * <p>This is a per-instance cache of public data, not shared state: every instance may hold its
 * own copy.
 */
public final class PlatformKeyCache implements PlatformKeySource {
  private final JwksFetcher fetcher;
  private final Clock clock;
  private final Duration minTtl;
  private final Duration maxTtl;
  private final Duration defaultTtl;
  private final Duration unknownKeyRefetchInterval;
  private final ConcurrentHashMap<URI, Cached> sets = new ConcurrentHashMap<>();
  /** One lock per key set: a platform that answers slowly holds up only its own launches. */
  private final ConcurrentHashMap<URI, Object> locks = new ConcurrentHashMap<>();

  private record Cached(JWKSet keys, Instant fetchedAt, Instant expiresAt, Instant lastUnknownKeyRefetch) {}

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

  @Override
  public JWK keyFor(PlatformRegistration registration, String keyId) throws LtiException {
    URI uri = registration.jwksUri();
    Cached cached = sets.get(uri);
    Instant now = clock.instant();
    boolean fetchedForThisLookup = false;
    if (cached == null || now.isAfter(cached.expiresAt())) {
      cached = refresh(uri, cached, cached == null ? Instant.MIN : cached.lastUnknownKeyRefetch());
      fetchedForThisLookup = true;
    }
    JWK key = cached.keys().getKeyByKeyId(keyId);
    // a set fetched for this very lookup is as fresh as a refetch would make it
    if (key == null && !fetchedForThisLookup && mayRefetchForUnknownKey(cached, now)) {
      cached = refresh(uri, cached, now);
      key = cached.keys().getKeyByKeyId(keyId);
    }
    if (key == null) {
      throw new LtiException(
          LtiFailure.UNKNOWN_KEY,
          "The platform's key set has no key with the id (kid) named in the token.");
    }
    return key;
  }

  private boolean mayRefetchForUnknownKey(Cached cached, Instant now) {
    return cached.lastUnknownKeyRefetch().plus(unknownKeyRefetchInterval).isBefore(now);
  }

  private Cached refresh(URI uri, Cached previous, Instant unknownKeyRefetch) throws LtiException {
    synchronized (locks.computeIfAbsent(uri, u -> new Object())) {
      return refreshLocked(uri, previous, unknownKeyRefetch);
    }
  }

  private Cached refreshLocked(URI uri, Cached previous, Instant unknownKeyRefetch) throws LtiException {
    Cached current = sets.get(uri);
    if (current != null && current != previous) {
      // another launch refreshed the set while this one waited: one request serves them all
      return current;
    }
    Instant now = clock.instant();
    try {
      JwksFetcher.Fetched fetched = fetcher.fetch(uri);
      Cached fresh =
          new Cached(fetched.keys(), now, now.plus(ttl(fetched)), unknownKeyRefetch);
      sets.put(uri, fresh);
      return fresh;
    } catch (IOException e) {
      if (previous != null) {
        Cached kept =
            new Cached(previous.keys(), previous.fetchedAt(), now.plus(minTtl), unknownKeyRefetch);
        sets.put(uri, kept);
        return kept;
      }
      throw new LtiException(
          LtiFailure.PLATFORM_KEYS_UNAVAILABLE,
          "The platform's public keys could not be fetched from its key set URL ("
              + e.getMessage()
              + "), so the launch cannot be verified. Try again later; if it persists, the"
              + " platform's administrator should check the tool registration.",
          e);
    }
  }

  private Duration ttl(JwksFetcher.Fetched fetched) {
    Duration ttl = fetched.maxAge().orElse(defaultTtl);
    if (ttl.compareTo(minTtl) < 0) {
      return minTtl;
    }
    return ttl.compareTo(maxTtl) > 0 ? maxTtl : ttl;
  }
}
