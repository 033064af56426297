package eu.somework.persistence;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises a failure that says the database cannot be reached right now (stopped, restarting,
 * network gone), as opposed to a fault in the tool or in the data: the request gets "temporarily
 * unavailable" instead of an internal error, and a background job waits for its next run.
 *
 * <p>Recognised anywhere in the exception's cause chain: an {@link SQLException} of SQLSTATE class
 * 08 (connection exception: refused, broken, lost) or 57P01–57P03 (PostgreSQL's "terminating
 * connection due to administrator command", crash shutdown, "the database system is starting up"),
 * a {@link SQLTransientConnectionException}, and the socket errors a driver may wrap.
 */
public final class DatabaseOutage {
  private DatabaseOutage() {}

  /** Whether {@code failure} comes from the database being unreachable. */
  public static boolean isCause(Throwable failure) {
    return sqlState(failure).isPresent() || socketFailure(failure);
  }

  /**
   * What to log about an outage without host, user or SQL: the SQLSTATE when there is one
   * (e.g. "SQL state 08001"), else the kind of the socket error.
   */
  public static String describe(Throwable failure) {
    return sqlState(failure).map(state -> "SQL state " + state).orElseGet(() -> chain(failure).stream()
        .filter(DatabaseOutage::isSocketError).findFirst().map(t -> t.getClass().getSimpleName())
        .orElse(failure.getClass().getSimpleName()));
  }

  private static Optional<String> sqlState(Throwable failure) {
    for (Throwable t : chain(failure)) {
      if (t instanceof SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
          String state = e.getSQLState();
          if (state != null && (state.startsWith("08") || state.matches("57P0[123]"))
              || e instanceof SQLTransientConnectionException) {
            return Optional.of(state == null ? "08000" : state);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean socketFailure(Throwable failure) {
    return chain(failure).stream().anyMatch(DatabaseOutage::isSocketError);
  }

  private static boolean isSocketError(Throwable t) {
    return t instanceof ConnectException || t instanceof SocketException || t instanceof EOFException;
  }

  /** The exception and its causes, each once (a cause chain may loop). */
  private static List<Throwable> chain(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }
}
