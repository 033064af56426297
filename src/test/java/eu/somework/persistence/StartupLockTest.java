package eu.somework.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.JdbcDatabase;
import eu.somework.testsupport.LogCapture;
import eu.somework.testsupport.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Instances starting at once on one PostgreSQL database take turns; on H2 nothing waits. */
class StartupLockTest {
  @RegisterExtension final LogCapture log = new LogCapture(StartupLock.class);
  @TempDir Path folder;

  @Test
  void aSecondStartWaitsUntilTheFirstHasGivenItsTurnBackAndSaysSo() throws Exception {
    JdbcDatabase db = PostgresServer.shared().createDatabase();
    StartupLock first = StartupLock.take(connect(db), true);
    assertTrue(first.held());
    assertTrue(log.records().isEmpty(), "the first start waits for nobody");

    CompletableFuture<StartupLock> second = CompletableFuture.supplyAsync(() -> {
      try {
        return StartupLock.take(connect(db), true);
      } catch (SQLException e) {
        throw new CompletionException(e);
      }
    });
    try (Connection observer = connect(db)) {
      while (waiting(observer) == 0) {
        assertFalse(second.isDone(), "the second start waits while the first has its turn");
        Thread.sleep(20);
      }
    }
    assertFalse(second.isDone());
    first.close();
    first.close(); // again: nothing happens

    StartupLock secondTurn = second.get(30, TimeUnit.SECONDS);
    assertTrue(secondTurn.held());
    secondTurn.close();
    assertFalse(secondTurn.held());
    assertEquals("Another instance of the tool is starting on this database: this one waits for it to finish its"
        + " start-up (at most 10 min), then goes on.", log.records().stream().map(LogRecord::getMessage)
        .findFirst().orElse("none"));
  }

  @Test
  void anInstanceThatDiesDuringItsStartFreesTheTurnWithItsConnection() throws Exception {
    JdbcDatabase db = PostgresServer.shared().createDatabase();
    Connection dying = connect(db);
    StartupLock.take(dying, true);
    dying.close(); // what the end of the process does to its connection, without giving the turn back

    // PostgreSQL ends the session a moment after the connection: the next start may wait that moment
    StartupLock next = CompletableFuture.supplyAsync(() -> {
      try {
        return StartupLock.take(connect(db), true);
      } catch (SQLException e) {
        throw new CompletionException(e);
      }
    }).get(30, TimeUnit.SECONDS);
    assertTrue(next.held());
    next.close();
  }

  @Test
  void onH2ThereIsNothingToWaitForAndTheConnectionIsClosed() throws Exception {
    Connection connection = connect(DatabaseEngine.H2.createEmpty(folder));
    StartupLock lock = StartupLock.take(connection, false);
    assertFalse(lock.held());
    assertTrue(connection.isClosed());
    lock.close();
  }

  private static Connection connect(JdbcDatabase db) throws SQLException {
    return DriverManager.getConnection(db.url(), db.user(), db.password());
  }

  /** How many sessions wait for the start-up lock ({@link StartupLockWaiters}). */
  private static long waiting(Connection observer) throws SQLException {
    return StartupLockWaiters.count(observer);
  }
}
