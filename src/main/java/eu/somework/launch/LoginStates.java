package eu.somework.launch;

import eu.somework.config.Settings;
import eu.somework.lti.LoginInitiation;
import eu.somework.lti.LtiException;
import eu.somework.lti.LtiFailure;
import eu.somework.lti.PlatformRegistration;
import eu.somework.persistence.BackgroundRefresh;
import eu.somework.persistence.Transactor;
import eu.somework.session.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Login states in the database, where every instance of the tool finds them. */
@ApplicationScoped
public class LoginStates {
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(LoginStates.class.getName());
  /** Long enough for a slow LMS page, short enough to be useless to an attacker. */
  static final Duration LIFETIME = Duration.ofMinutes(10);

  @Inject Transactor tx;
  @Inject Clock clock;
  @Inject Settings settings;

  /** How old the count of live states may be before a login has it counted again in the background. */
  static final Duration RECOUNT_AFTER = Duration.ofSeconds(10);

  /** Live states as last counted in the database, and the logins this instance issued since. */
  private final AtomicReference<Counted> counted = new AtomicReference<>();
  private final AtomicLong issuedSinceCount = new AtomicLong();
  private final AtomicBoolean recounting = new AtomicBoolean();

  private record Counted(long live, Instant at) {}

  /**
   * Records a new login; returns the state and nonce to send to the platform. When
   * {@code somework.login.max-live-states} are still in flight, the login is refused, so login
   * initiation cannot fill the database (each address is also rate-limited, which bounds one
   * address's live states to its rate times {@link #LIFETIME}).
   *
   * <p>The login itself is one insert: the number of live states is not counted for every login but
   * estimated — the last count plus the logins this instance issued since, counted again in the
   * background once older than {@link #RECOUNT_AFTER} — and counted exactly, before refusing, only
   * when the estimate reaches the cap. The estimate is high rather than low for this instance's own
   * logins (states expiring since the count are still in it); other instances' logins reach it with
   * the next count.
   *
   * @throws LaunchRejected {@link LtiFailure#LOGINS_AT_CAPACITY} (503, Retry-After 60 s)
   */
  IssuedLogin issue(LoginInitiation login, PlatformRegistration registration, String browserHash) {
    String state = RandomTokens.next();
    String nonce = RandomTokens.next();
    Instant now = clock.instant();
    long cap = settings.maxLiveLoginStates();
    // expired states do not count (the background purge deletes them; the launch path only reads)
    boolean recorded = tx.inTransaction(em -> {
      if (estimate(now) >= cap && count(now) >= cap) {
        return false;
      }
      em.persist(new LoginState(state, nonce, browserHash, registration.issuer(), registration.clientId(),
          truncate(login.loginHint(), 1000), login.messageHint().map(h -> h.length() > 2000 ? null : h).orElse(null),
          login.targetLinkUri(), login.deploymentId().orElse(null), now.plus(LIFETIME)));
      return true;
    });
    if (!recorded) {
      LOG.severe(() -> "Login refused: " + cap + " login states are in flight (somework.login.max-live-states).");
      throw new LaunchRejected(new LtiException(LtiFailure.LOGINS_AT_CAPACITY,
          "The tool is receiving more logins than it can hold right now. Try again in a minute."),
          null, Duration.ofSeconds(60));
    }
    issuedSinceCount.incrementAndGet();
    return new IssuedLogin(state, nonce);
  }

  /** Live states as estimated without the database (counted there once, the first time). */
  private long estimate(Instant now) {
    Counted last = counted.get();
    if (last == null) {
      return count(now);
    }
    if (last.at().plus(RECOUNT_AFTER).isBefore(now) && recounting.compareAndSet(false, true)) {
      CompletableFuture.runAsync(() -> {
        try {
          count(clock.instant());
        } finally {
          recounting.set(false);
        }
      }, BackgroundRefresh.withClassLoaderOf(LoginStates.class));
    }
    return last.live() + issuedSinceCount.get();
  }

  /** Counts the live states in the database and takes the count as the estimate's new base. */
  private long count(Instant now) {
    long issuedBefore = issuedSinceCount.get();
    long live = tx.read(em -> em.createQuery("select count(s) from LoginState s where s.expiresAt >= :now",
        Long.class).setParameter("now", now).getSingleResult());
    issuedSinceCount.addAndGet(-issuedBefore);
    counted.set(new Counted(live, now));
    return live;
  }

  Optional<LoginState> find(String state) {
    if (state == null || state.length() > 64) {
      return Optional.empty();
    }
    return tx.read(em -> Optional.ofNullable(em.find(LoginState.class, state)))
        .filter(s -> !s.isExpired(clock.instant()));
  }

  /** Deletes the login states that have expired (a background job, not the launch); returns how many. */
  int purgeExpired() {
    Instant now = clock.instant();
    return tx.inTransaction(em -> em.createQuery("delete from LoginState s where s.expiresAt < :now")
        .setParameter("now", now).executeUpdate());
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }

  /** State and nonce of a login in flight. */
  record IssuedLogin(String state, String nonce) {}
}
