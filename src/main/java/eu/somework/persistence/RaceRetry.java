package eu.somework.persistence;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Find-or-insert by a natural key can lose a race: two tabs of one learner both insert the same
 * row, and the second commit fails on the primary key. Trying once more then finds the row and
 * takes the update path. Only that failure is retried, recognised by its SQLState 23505
 * ({@code unique_violation}, the same on H2 and PostgreSQL) anywhere in the exception's cause
 * chain; any other failure, and a second lost race, is thrown as it is.
 *
 * <p>Wrap the outermost unit of work: inside an open unit ({@link Transactor#inUnit()}) the work
 * runs once, because the insert is only sent at the outer commit and a failed unit cannot be
 * retried from within; the failure reaches the outermost caller, which may retry the whole unit.
 */
public final class RaceRetry {
  /** SQL:2011 class 23 (integrity constraint violation), subclass 505: a duplicate key. */
  static final String UNIQUE_VIOLATION = "23505";

  private RaceRetry() {}

  /** Runs {@code work}, once more if it lost an insert race; returns what the last run returned. */
  public static <T> T once(Supplier<T> work) {
    if (Transactor.inUnit()) {
      return work.get();
    }
    try {
      return work.get();
    } catch (RuntimeException e) {
      if (!isDuplicateKey(e)) {
        throw e;
      }
      return work.get();
    }
  }

  /** Whether {@code failure} comes from a unique-key or primary-key violation in the database. */
  public static boolean isDuplicateKey(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
          if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
