package eu.somework.platform;

import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.somework.access.SessionRegistrations;
import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Whether a registration still admits its users' open sessions: it exists and is switched on. Read
 * on every request that carries a tool session, so answers are kept per registrations' generation
 * ({@link RegistrationChanges}): an administrator's change on any instance raises it, and every
 * instance asks again once it has seen the change (at once where it was made, within milliseconds
 * elsewhere). An answer is also kept no longer than {@link #FRESHNESS} (a change made in the
 * database by hand raises no generation).
 */
@ApplicationScoped
public class RegistrationStatus implements SessionRegistrations {
  /** How long an answer is kept at most, whatever the generation says. */
  public static final Duration FRESHNESS = Duration.ofSeconds(5);

  private record Key(String issuer, String clientId, long generation) {}

  @Inject Transactor tx;
  @Inject RegistrationChanges changes;

  // an answer older than FRESHNESS is served once more while it is read again in the background, so
  // that no request waits for it (and a request's statements are the same every time: issue 11);
  // one not asked for during KEPT is read before it is answered
  private final LoadingCache<Key, Boolean> answers = Caffeine.newBuilder()
      .maximumSize(10_000).refreshAfterWrite(FRESHNESS).expireAfterWrite(PlatformDirectory.KEPT)
      .executor(eu.somework.persistence.BackgroundRefresh.withClassLoaderOf(RegistrationStatus.class))
      .build(eu.somework.persistence.BackgroundRefresh.keepingOnOutage(this::load));

  /** The status over a database outside the container (tests). */
  public static RegistrationStatus over(Transactor tx) {
    RegistrationStatus status = new RegistrationStatus();
    status.tx = tx;
    status.changes = RegistrationChanges.over(tx);
    return status;
  }

  @Override
  public boolean admitsSessions(String issuer, String clientId) {
    return answers.get(new Key(issuer, clientId, changes.current()));
  }

  private Boolean load(Key key) {
    return tx.read(em -> em.createQuery(
            "select r.enabled from Registration r where r.issuer = :issuer and r.clientId = :clientId", Boolean.class)
        .setParameter("issuer", key.issuer()).setParameter("clientId", key.clientId())
        .getResultStream().findFirst().orElse(false));
  }

  /**
   * Drops every kept answer on this instance. Not needed for changes the tool makes (they raise the
   * generation); kept for callers that want the memory back at once.
   */
  public void forgetAll() {
    answers.invalidateAll();
  }
}
