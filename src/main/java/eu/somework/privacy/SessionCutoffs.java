package eu.somework.privacy;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import eu.somework.access.PersonSessions;
import eu.somework.config.Settings;
import eu.somework.persistence.Transactor;
import eu.somework.platform.RegistrationChanges;
import eu.somework.session.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The instant before which a person's tool sessions no longer count ({@code person_session_cutoff}):
 * a session is a signed token the tool cannot recall, so erasing a person records this instant
 * and the access check refuses their older tokens. Kept under the SHA-256 of issuer, client id and
 * user id, and only until every session issued before it has expired (then it changes nothing).
 *
 * <p>Read on every request with a session, so the whole table (a row per person erased within a
 * session's lifetime: small) is kept on each instance per generation of {@link RegistrationChanges}
 * (who may use the tool), and an erasure raises that generation in its own transaction. Another
 * instance therefore reads the table again at its first request after the erasure committed, so an
 * erased person's open session cannot write anything back there (a time-based refresh let one
 * request through, which re-created a draft after the erasure); a request in steady state costs no
 * statement of its own.
 */
@ApplicationScoped
public class SessionCutoffs implements PersonSessions {
  @Inject Transactor tx;
  @Inject Settings settings;
  @Inject RegistrationChanges changes;
  private Duration sessionLifetime;

  /** The table by generation: the current one and, while a change is being read, the one before. */
  private final LoadingCache<Long, Map<String, Instant>> table = Caffeine.newBuilder()
      .maximumSize(2)
      .build(generation -> load());

  /** Cut-offs over a database outside the container, for sessions of at most {@code sessionLifetime} (tests). */
  public static SessionCutoffs over(Transactor tx, Duration sessionLifetime) {
    SessionCutoffs cutoffs = new SessionCutoffs();
    cutoffs.tx = tx;
    cutoffs.changes = RegistrationChanges.over(tx);
    cutoffs.sessionLifetime = sessionLifetime;
    return cutoffs;
  }

  @Override
  public boolean admits(String issuer, String clientId, String userId, Instant issuedAt) {
    Instant after = table.get(changes.current()).get(key(issuer, clientId, userId));
    return after == null || !issuedAt.isBefore(after);
  }

  private Map<String, Instant> load() {
    return tx.inTransaction(em -> Sql.in(em).rows("SELECT person_sha256, sessions_valid_after FROM person_session_cutoff")
        .stream().collect(Collectors.toMap(row -> (String) row.get("person_sha256"),
            row -> Instant.parse((String) row.get("sessions_valid_after")), (a, b) -> a.isAfter(b) ? a : b)));
  }

  /**
   * Ends the person's sessions issued before {@code now}, in the open transaction of {@code em}, and
   * raises the generation there so that every instance reads the cut-offs again once it commits;
   * drops the cut-offs no session can be older than any more. Call {@link #forget} after the commit.
   */
  void endSessions(EntityManager em, Person person, Instant now) {
    Sql sql = Sql.in(em);
    String key = key(person.issuer(), person.clientId(), person.userId());
    // to the millisecond, rounded up: a token's issue time has milliseconds, and one issued in the
    // erasure's own millisecond began before it
    Instant after = now.truncatedTo(ChronoUnit.MILLIS).equals(now) ? now : now.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
    sql.update("DELETE FROM person_session_cutoff WHERE person_sha256 = ? OR sessions_valid_after < ?", key,
        now.minus(lifetime()));
    sql.update("INSERT INTO person_session_cutoff (person_sha256, sessions_valid_after) VALUES (?, ?)", key, after);
    RegistrationChanges.recordIn(em);
  }

  /** Reads the cut-offs again on this instance at its next request (after an erasure committed). */
  void forget(Person person) {
    table.invalidateAll();
  }

  private Duration lifetime() {
    return sessionLifetime != null ? sessionLifetime : settings.sessionLifetime();
  }

  /** The opaque key of a person: nothing to read back, the same for every instance. */
  static String key(String issuer, String clientId, String userId) {
    return RandomTokens.sha256(String.join("\n", List.of(issuer, clientId, userId)));
  }
}
