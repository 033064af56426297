package eu.somework.persistence;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Counts the SQL statements and commits the persistence unit sends, per thread, for measuring how
 * many database round trips a request costs (issue 11: a launch in at most 4). Switched on with
 * {@code somework.db.count-statements=true} ({@link PersistenceUnit} then registers it with
 * EclipseLink); off, nothing counts and {@link #ofThisThread()} stays at zero. A statement is one
 * JDBC call EclipseLink executes (a query, an insert, an update: one round trip each); a commit is
 * one database transaction committed. A request's cost is the difference of two snapshots taken on
 * its thread (work handed to another thread, e.g. a background job, is not the request's).
 */
public class StatementCount extends SessionEventAdapter {
  private static final ThreadLocal<long[]> COUNTS = ThreadLocal.withInitial(() -> new long[2]);
  private static volatile boolean enabled;

  /** For EclipseLink, which creates the listener from its class name. */
  public StatementCount() {
    enabled = true;
  }

  /** Whether statements are counted in this server. */
  public static boolean enabled() {
    return enabled;
  }

  /** What this thread has sent so far; subtract an earlier snapshot to get one request's share. */
  public static Snapshot ofThisThread() {
    long[] counts = COUNTS.get();
    return new Snapshot(counts[0], counts[1]);
  }

  @Override
  public void preExecuteCall(SessionEvent event) {
    COUNTS.get()[0]++;
  }

  @Override
  public void postCommitTransaction(SessionEvent event) {
    COUNTS.get()[1]++;
  }

  /**
   * Statements and commits sent by one thread.
   *
   * @param statements SQL statements executed (each one round trip)
   * @param commits database transactions committed
   */
  public record Snapshot(long statements, long commits) {
    /** What was sent between {@code earlier} and this snapshot. */
    public Snapshot since(Snapshot earlier) {
      return new Snapshot(statements - earlier.statements, commits - earlier.commits);
    }
  }
}
