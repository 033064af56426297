package eu.somework.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One instance's turn at starting, when several instances share one PostgreSQL database
 * (docs/cluster.md): a PostgreSQL advisory lock taken before the migrations and given back once the
 * tool's start-up writes are done — its signing keys, the registrations of the platform files and the
 * revocation of those whose file is gone, the simulator's registration, the first key-rotation step.
 * An instance started while another has its turn waits (and says so in one log line), then finds
 * what the other stored and only checks it.
 *
 * <p>Why one lock around the start-up rather than making each write safe on its own: the writes
 * are several, and some have no unique key to fall back on — an owner's first CURRENT and NEXT
 * signing keys are rows with random ids, and "at most one CURRENT key per owner" would need a
 * partial unique index, which H2 does not have. Two instances creating them at once would each make
 * a key, and then sign with different keys. With the lock, each start sees the finished work of the
 * one before it; it costs a second instance the few seconds of the first one's start-up writes.
 *
 * <p>Why a session lock on a connection of its own: the start-up writes are several transactions on
 * the persistence unit's pooled connections, and a transaction-scoped lock would end with the first.
 * The lock belongs to this connection's session, so an instance that dies during its start (even
 * {@code kill -9}) frees it at once: PostgreSQL ends the session with the connection.
 *
 * <p>H2: the embedded database's file is opened by one process only, so there is nothing to wait for.
 */
public final class StartupLock implements AutoCloseable {
  /** The advisory lock's key: "SoMeWork" in ASCII (unlike Flyway's, which it must not share). */
  public static final long KEY = 0x536f4d65576f726bL;
  /** How long a start waits for another instance's turn before it gives up. */
  static final Duration PATIENCE = Duration.ofMinutes(10);
  private static final Logger LOG = Logger.getLogger(StartupLock.class.getName());
  /** SQL state of a lock wait ended by {@code lock_timeout}. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  /** No lock to give back (H2, or a database opened outside the container). */
  static final StartupLock NONE = new StartupLock(null);

  private Connection connection;

  private StartupLock(Connection connection) {
    this.connection = connection;
  }

  /**
   * Takes this instance's turn on {@code connection} (an open connection to the database, which the
   * lock then owns and closes): at once when no other instance is starting, else after it. On a
   * database other than PostgreSQL, closes the connection and returns a lock that holds nothing.
   *
   * @throws IllegalStateException when another instance kept its turn longer than {@link #PATIENCE}
   * @throws SQLException when the database fails otherwise (the connection is then closed)
   */
  static StartupLock take(Connection connection, boolean postgres) throws SQLException {
    if (!postgres) {
      connection.close();
      return NONE;
    }
    try {
      if (!tryLock(connection)) {
        LOG.info(() -> "Another instance of the tool is starting on this database: this one waits for it to"
            + " finish its start-up (at most " + PATIENCE.toMinutes() + " min), then goes on.");
        try (Statement wait = connection.createStatement()) {
          wait.execute("SET lock_timeout = '" + PATIENCE.toSeconds() + "s'");
          wait.execute("SELECT pg_advisory_lock(" + KEY + ")");
        }
        LOG.info("The other instance's start-up is done: this one goes on with its own.");
      }
      return new StartupLock(connection);
    } catch (SQLException e) {
      close(connection);
      if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
        throw new IllegalStateException("Another instance of the tool has been starting on this database for over "
            + PATIENCE.toMinutes() + " min (it holds the start-up lock, PostgreSQL advisory lock " + KEY
            + "): end that instance, or wait for it, and start this one again.");
      }
      throw e;
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (PreparedStatement attempt = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      attempt.setLong(1, KEY);
      try (ResultSet rs = attempt.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** Whether this lock holds a turn that {@link #close} gives back. */
  synchronized boolean held() {
    return connection != null;
  }

  /** Ends the turn: another instance waiting to start goes on. Closing again does nothing. */
  @Override
  public synchronized void close() {
    if (connection == null) {
      return;
    }
    try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      unlock.setLong(1, KEY);
      unlock.execute();
    } catch (SQLException e) {
      // closing the connection below ends the session, and its lock with it
      LOG.log(Level.FINE, "The start-up lock is given back by closing its connection", e);
    }
    close(connection);
    connection = null;
  }

  private static void close(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.log(Level.FINE, "Closing the start-up lock's connection failed", e);
    }
  }
}
