package eu.somework.launch;

import com.github.benmanes.caffeine.cache.Ticker;
import eu.somework.config.Settings;
import eu.somework.lti.LtiException;
import eu.somework.lti.LtiFailure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The limit on login initiations per client address ({@code somework.login.rate-per-minute},
 * 60 by default): login initiation writes a login state, so it must not be a way to fill the
 * database. Generous for people (a login per launch) and for a classroom behind one NAT address
 * only up to its burst; see {@link AddressRateLimit} for the reverse-proxy note. Counted in this
 * instance's memory, so that a login costs no database round trip for it: with N instances a client
 * may start up to N times the rate (docs/cluster.md, "The per-address limits").
 */
@ApplicationScoped
public class LoginRateLimiter {
  /** Addresses tracked at once; beyond it the least recently seen are forgotten. */
  static final int MAX_ADDRESSES = 100_000;

  @Inject Settings settings;

  private AddressRateLimit limit;

  @PostConstruct
  void init() {
    limit = new AddressRateLimit(settings.loginRatePerMinute(), MAX_ADDRESSES, Ticker.systemTicker());
  }

  /**
   * Lets a login from this address go ahead, or refuses it.
   *
   * @throws LaunchRejected {@link LtiFailure#LOGIN_RATE_LIMITED} (429) with the wait in Retry-After
   */
  void check(String clientAddress) {
    limit.tryAcquire(clientAddress).ifPresent(wait -> {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      throw new LaunchRejected(new LtiException(LtiFailure.LOGIN_RATE_LIMITED,
          "Too many logins from your network in the last minute. Open the activity again in " + seconds + " s."),
          null, Duration.ofSeconds(seconds));
    });
  }
}
