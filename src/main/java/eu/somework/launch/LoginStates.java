package eu.somework.launch;

import eu.somework.lti.LoginInitiation;
import eu.somework.lti.PlatformRegistration;
import eu.somework.persistence.Transactor;
import eu.somework.session.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Login states in the database, where every instance of the tool finds them. */
@ApplicationScoped
public class LoginStates {
  /** Long enough for a slow LMS page, short enough to be useless to an attacker. */
  static final Duration LIFETIME = Duration.ofMinutes(10);

  @Inject Transactor tx;
  @Inject Clock clock;

  /** Records a new login; returns the state and nonce to send to the platform. */
  IssuedLogin issue(LoginInitiation login, PlatformRegistration registration, String browserHash) {
    String state = RandomTokens.next();
    String nonce = RandomTokens.next();
    Instant now = clock.instant();
    tx.run(em -> em.persist(new LoginState(state, nonce, browserHash, registration.issuer(), registration.clientId(),
        truncate(login.loginHint(), 1000), login.messageHint().map(h -> h.length() > 2000 ? null : h).orElse(null),
        truncate(login.targetLinkUri(), 1000), login.deploymentId().orElse(null), now.plus(LIFETIME))));
    return new IssuedLogin(state, nonce);
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
