package eu.somework.privacy;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import eu.somework.access.PersonSessions;
import eu.somework.config.Settings;
import eu.somework.persistence.Transactor;
import eu.somework.session.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * Read on every request with a session, so the whole table (a row per person erased within a
 * session's lifetime: small) is kept on each instance and read again in the background after
 * {@link #FRESHNESS}: no request waits for it, a request's statements stay the same (issue 11), an
 * erasure reaches this instance at once and others within that time.
 */
@ApplicationScoped
public class SessionCutoffs implements PersonSessions {
  /** How long an answer is trusted on an instance that did not erase the person. */
  public static final Duration FRESHNESS = Duration.ofSeconds(5);

  @Inject Transactor tx;
  @Inject Settings settings;
  private Duration sessionLifetime;

  private static final String ALL = "all";

  private final LoadingCache<String, Map<String, Instant>> table = Caffeine.newBuilder()
      .refreshAfterWrite(FRESHNESS)
      .executor(eu.somework.persistence.BackgroundRefresh.withClassLoaderOf(SessionCutoffs.class))
      .build(eu.somework.persistence.BackgroundRefresh.keepingOnOutage(all -> load()));

  /** Cut-offs over a database outside the container, for sessions of at most {@code sessionLifetime} (tests). */
  public static SessionCutoffs over(Transactor tx, Duration sessionLifetime) {
    SessionCutoffs cutoffs = new SessionCutoffs();
    cutoffs.tx = tx;
    cutoffs.sessionLifetime = sessionLifetime;
    return cutoffs;
  }

  @Override
  public boolean admits(String issuer, String clientId, String userId, Instant issuedAt) {
    Instant after = table.get(ALL).get(key(issuer, clientId, userId));
    return after == null || !issuedAt.isBefore(after);
  }

  private Map<String, Instant> load() {
    return tx.inTransaction(em -> Sql.in(em).rows("SELECT person_sha256, sessions_valid_after FROM person_session_cutoff")
        .stream().collect(Collectors.toMap(row -> (String) row.get("person_sha256"),
            row -> Instant.parse((String) row.get("sessions_valid_after")), (a, b) -> a.isAfter(b) ? a : b)));
  }

  /**
   * Ends the person's sessions issued before {@code now}, in the open transaction of {@code sql};
   * drops the cut-offs no session can be older than any more. Call {@link #forget} after the commit.
   */
  void endSessions(Sql sql, Person person, Instant now) {
    String key = key(person.issuer(), person.clientId(), person.userId());
    // to the millisecond, rounded up: a token's issue time has milliseconds, and one issued in the
    // erasure's own millisecond began before it
    Instant after = now.truncatedTo(ChronoUnit.MILLIS).equals(now) ? now : now.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
    sql.update("DELETE FROM person_session_cutoff WHERE person_sha256 = ? OR sessions_valid_after < ?", key,
        now.minus(lifetime()));
    sql.update("INSERT INTO person_session_cutoff (person_sha256, sessions_valid_after) VALUES (?, ?)", key, after);
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
