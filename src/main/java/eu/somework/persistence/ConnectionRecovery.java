package eu.somework.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * How the persistence unit's connection pool (EclipseLink's own, over the JDBC driver) lives through
 * a database restart, set on its login because the unit's properties do not reach these settings.
 *
 * <p>A failed statement makes EclipseLink ask the connection whether it is still alive (its
 * platform's ping, {@code SELECT 1}); a dead one is dropped instead of going back to the pool, and
 * the pool then pings each idle connection before handing it out, so the connections a restart left
 * stale are replaced by new ones without a restart of the tool. A read outside a transaction that
 * met a dead connection is tried once more, at once, on a fresh one: EclipseLink's default (three
 * more tries, five seconds apart) would hold a request thread fifteen seconds while the database is
 * down, where the caller should be told at once that it is unavailable. While it is down, EclipseLink's
 * own stack traces of the outage are left out of the log ({@link OutageQuietLog}).
 */
public class ConnectionRecovery implements SessionCustomizer {
  /** Tries of a failed read after the first; one replaces a connection the database dropped. */
  static final int READ_RETRIES = 1;

  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setConnectionHealthValidatedOnError(true);
      login.setQueryRetryAttemptCount(READ_RETRIES);
      login.setDelayBetweenConnectionAttempts(0);
    }
    if (session.getSessionLog() != null && !(session.getSessionLog() instanceof OutageQuietLog)) {
      session.setSessionLog(new OutageQuietLog(session.getSessionLog()));
    }
  }
}
