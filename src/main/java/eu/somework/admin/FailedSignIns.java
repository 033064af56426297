package eu.somework.admin;

import eu.somework.jobs.ExpiredRows;
import eu.somework.persistence.RaceRetry;
import eu.somework.persistence.Transactor;
import eu.somework.session.SessionTokens;
import eu.somework.web.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The limit on failed administrator credentials (console password or API token) per client
 * address: after {@link #MAX_FAILURES} failures, each within {@link #WINDOW} of the one before,
 * every attempt from that address is refused (429) until {@link #WINDOW} has passed since its last
 * failure — also with the right password, so that guessing gains nothing.
 *
 * <p>Counted in the database (table {@code failed_sign_in}), so that the limit holds across
 * instances: behind a reverse proxy that spreads requests over N instances, an attacker still gets
 * {@link #MAX_FAILURES} guesses, not N times as many. Two instances counting a failure at once each
 * add one (a single conditional {@code UPDATE}). Only failures and locked-out attempts touch the
 * database; the right API token never does.
 *
 * <p>The address is the client's ({@code web.ClientAddress}: behind a trusted reverse proxy, the
 * address it forwarded for), an IPv6 address by its /64 ({@link ClientAddress#limitKey}); it is
 * stored only as a keyed hash ({@link SessionTokens#keyedHash}), and a row is deleted by the purge
 * every minute once its window has passed ({@link ExpiredRows}).
 */
@ApplicationScoped
public class FailedSignIns implements ExpiredRows {
  static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(15);
  /** The purpose of the address hash, keeping it apart from other keyed hashes. */
  static final String HASH_PURPOSE = "failed-sign-in-address";

  @Inject Transactor tx;
  @Inject Clock clock;
  @Inject SessionTokens secret;

  /** How long the address must wait before trying again; empty when it may try now. */
  public Optional<Duration> blocked(String address) {
    String key = key(address);
    Instant now = clock.instant();
    List<?> rows = tx.read(em -> em.createNativeQuery(
            "SELECT failures, last_failed_at FROM failed_sign_in WHERE address_hash = ?")
        .setParameter(1, key).getResultList());
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    Instant until = instant(row[1]).plus(WINDOW);
    if (((Number) row[0]).intValue() < MAX_FAILURES || !until.isAfter(now)) {
      return Optional.empty();
    }
    Duration left = Duration.between(now, until);
    return Optional.of(left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left);
  }

  /**
   * Counts one failed attempt from the address, on every instance: one more when its last failure
   * is within the window, else a count starting afresh at one.
   */
  public void failed(String address) {
    String key = key(address);
    OffsetDateTime now = utc(clock.instant());
    OffsetDateTime windowStart = utc(clock.instant().minus(WINDOW));
    // a first failure from two instances at once: the loser's insert hits the key and is retried
    // as an update
    RaceRetry.once(() -> tx.inTransaction(em -> {
      int counted = em.createNativeQuery("UPDATE failed_sign_in SET failures = CASE WHEN last_failed_at > ?"
              + " THEN failures + 1 ELSE 1 END, last_failed_at = ? WHERE address_hash = ?")
          .setParameter(1, windowStart).setParameter(2, now).setParameter(3, key).executeUpdate();
      if (counted == 0) {
        em.createNativeQuery("INSERT INTO failed_sign_in (address_hash, failures, last_failed_at) VALUES (?, 1, ?)")
            .setParameter(1, key).setParameter(2, now).executeUpdate();
      }
      return null;
    }));
  }

  /** Deletes the counts whose window has passed: they lock nothing out any more. */
  @Override
  public int purgeExpired() {
    OffsetDateTime windowStart = utc(clock.instant().minus(WINDOW));
    return tx.inTransaction(em -> em.createNativeQuery("DELETE FROM failed_sign_in WHERE last_failed_at <= ?")
        .setParameter(1, windowStart).executeUpdate());
  }

  private String key(String address) {
    return secret.keyedHash(HASH_PURPOSE, ClientAddress.limitKey(address));
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** A timestamp as the JDBC driver gives it: H2 an OffsetDateTime, PostgreSQL a java.sql.Timestamp. */
  private static Instant instant(Object value) {
    if (value instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.ZonedDateTime t) {
      return t.toInstant();
    }
    if (value instanceof Instant t) {
      return t;
    }
    throw new IllegalStateException("Unexpected timestamp type " + (value == null ? null : value.getClass()));
  }
}
