package eu.somework.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import eu.somework.lti.LtiException;
import eu.somework.lti.PlatformRegistration;
import eu.somework.lti.ServiceToken;
import eu.somework.lti.ServiceTokenClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;

/**
 * Access tokens for a platform's services (AGS, NRPS), cached per registration and scope set until
 * shortly before they expire (1EdTech Security Framework §4.1: a token is good for many calls).
 * Concurrent senders asking for the same token wait for one request instead of each sending their
 * own (Caffeine computes a missing entry once). A token the platform rejected is forgotten with
 * {@link #forget}, so the next call asks for a new one. A change to the registrations
 * ({@link RegistrationChanges}, on any instance) makes every instance ask for new tokens: the
 * generation is part of the key.
 */
@ApplicationScoped
public class ServiceTokens {
  /** A token is not used in its last minute: a call started then could arrive after it expired. */
  static final Duration MARGIN = Duration.ofSeconds(60);

  @Inject KeyRing keys;
  @Inject Clock clock;
  /** The registrations' generation; null outside a container (tests): tokens then follow no change. */
  @Inject RegistrationChanges changes;
  private ServiceTokenClient client;
  private Cache<Key, ServiceToken> cache;

  /** Tokens over the given parts outside a container (tests, tools). */
  public static ServiceTokens over(KeyRing keys, Clock clock, ServiceTokenClient client) {
    ServiceTokens tokens = new ServiceTokens();
    tokens.keys = keys;
    tokens.clock = clock;
    tokens.client = client;
    return tokens;
  }

  private record Key(String issuer, String clientId, Set<String> scopes, long generation) {}

  /**
   * A token for {@code scopes} at the registration's token endpoint, from the cache or asked for now.
   *
   * @throws LtiException {@code SERVICE_TOKEN_REFUSED} when the platform grants none (its reason inside)
   */
  public ServiceToken get(PlatformRegistration registration, Set<String> scopes) throws LtiException {
    Key key = key(registration, scopes);
    try {
      return cache().get(key, k -> {
        try {
          return client().request(registration, keys.signingKey(KeyRing.TOOL), k.scopes());
        } catch (LtiException e) {
          throw new CompletionException(e);
        }
      });
    } catch (CompletionException e) {
      if (e.getCause() instanceof LtiException refused) {
        throw refused;
      }
      throw e;
    }
  }

  /** Drops a cached token the platform answered 401 to. */
  public void forget(PlatformRegistration registration, Set<String> scopes) {
    cache().invalidate(key(registration, scopes));
  }

  private Key key(PlatformRegistration registration, Set<String> scopes) {
    return new Key(registration.issuer(), registration.clientId(), new TreeSet<>(scopes),
        changes == null ? 0L : changes.current());
  }

  private synchronized ServiceTokenClient client() {
    if (client == null) {
      client = new ServiceTokenClient(clock, Duration.ofSeconds(10));
    }
    return client;
  }

  private synchronized Cache<Key, ServiceToken> cache() {
    if (cache == null) {
      cache = Caffeine.newBuilder().maximumSize(10_000).expireAfter(new Expiry<Key, ServiceToken>() {
        @Override
        public long expireAfterCreate(Key key, ServiceToken token, long currentTime) {
          return Math.max(0, Duration.between(clock.instant(), token.expiresAt().minus(MARGIN)).toNanos());
        }

        @Override
        public long expireAfterUpdate(Key key, ServiceToken token, long currentTime, long currentDuration) {
          return expireAfterCreate(key, token, currentTime);
        }

        @Override
        public long expireAfterRead(Key key, ServiceToken token, long currentTime, long currentDuration) {
          return currentDuration;
        }
      }).build();
    }
    return cache;
  }
}
