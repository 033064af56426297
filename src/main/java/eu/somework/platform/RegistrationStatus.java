package eu.somework.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.somework.access.SessionRegistrations;
import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Whether a registration still admits its users' open sessions: it exists and is switched on. Read
 * on every request that carries a tool session, so answers are kept for {@link #FRESHNESS}: an
 * administrator's change reaches this instance at once ({@link #forgetAll}) and other instances
 * within that time.
 */
@ApplicationScoped
public class RegistrationStatus implements SessionRegistrations {
  /** How long an answer is trusted on an instance that did not make the change. */
  public static final Duration FRESHNESS = Duration.ofSeconds(5);

  private record Key(String issuer, String clientId) {}

  @Inject Transactor tx;

  private final Cache<Key, Boolean> answers = Caffeine.newBuilder()
      .maximumSize(10_000).expireAfterWrite(FRESHNESS).build();

  /** The status over a database outside the container (tests). */
  public static RegistrationStatus over(Transactor tx) {
    RegistrationStatus status = new RegistrationStatus();
    status.tx = tx;
    return status;
  }

  @Override
  public boolean admitsSessions(String issuer, String clientId) {
    return answers.get(new Key(issuer, clientId), key -> tx.read(em -> em.createQuery(
            "select r.enabled from Registration r where r.issuer = :issuer and r.clientId = :clientId", Boolean.class)
        .setParameter("issuer", key.issuer()).setParameter("clientId", key.clientId())
        .getResultStream().findFirst().orElse(false)));
  }

  /** Drops every kept answer: a registration was switched off or on, or deleted, here. */
  public void forgetAll() {
    answers.invalidateAll();
  }
}
