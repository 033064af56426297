package eu.somework.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** For tests: how many sessions wait for the start-up lock ({@link StartupLock}) on a database. */
public final class StartupLockWaiters {
  private StartupLockWaiters() {}

  /** Sessions waiting for the start-up lock on the database {@code observer} is connected to. */
  public static long count(Connection observer) throws SQLException {
    try (PreparedStatement query = observer.prepareStatement("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'"
        + " AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        + " AND classid::bigint = ? AND objid::bigint = ?")) {
      query.setLong(1, StartupLock.KEY >>> 32);
      query.setLong(2, StartupLock.KEY & 0xffffffffL);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
