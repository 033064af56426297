package eu.somework.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.JdbcDatabase;
import eu.somework.testsupport.MigratedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The PostgreSQL feed of registration changes, on a real PostgreSQL: an instance that follows it
 * sees a change another process commits through the notification, and a change nobody notified
 * through its periodic re-read; while the feed is down (its connection terminated, or never made)
 * each call reads the row, and the feed comes back by itself. The waits are bounded waits for an
 * effect, never sleeps.
 */
class RegistrationFeedTest {
  /** Far more than a notification takes on one machine. */
  private static final Duration PROMPTLY = Duration.ofSeconds(2);

  private MigratedDatabase db;
  private JdbcDatabase jdbc;
  private RegistrationChanges changes;

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(DatabaseEngine.POSTGRESQL);
    jdbc = db.jdbc();
  }

  @AfterEach
  void stopFeed() {
    if (changes != null) {
      changes.stop();
    }
  }

  @Test
  void aChangeCommittedByAnotherProcessIsSeenThroughItsNotification() throws Exception {
    changes = following(jdbc.url());
    await(changes::answersFromMemory, PROMPTLY.plus(RegistrationFeed.RETRY), "the feed listens");
    long before = changes.current();
    changeInAnotherProcess(true);
    await(() -> changes.current() != before, PROMPTLY, "the change seen through the notification");
  }

  @Test
  void aChangeNobodyNotifiedIsSeenByThePeriodicReRead() throws Exception {
    changes = following(jdbc.url());
    await(changes::answersFromMemory, PROMPTLY.plus(RegistrationFeed.RETRY), "the feed listens");
    long before = changes.current();
    changeInAnotherProcess(false); // e.g. a notification lost
    await(() -> changes.current() != before, RegistrationFeed.RECHECK.plus(PROMPTLY), "seen within the re-read");
  }

  @Test
  void beforeTheFeedConnectsEveryCallReadsTheRow() throws Exception {
    changes = following(jdbc.url().replaceFirst("/[^/?]+(\\?|$)", "/no_such_database$1"));
    assertFalse(changes.answersFromMemory());
    long before = changes.current();
    changeInAnotherProcess(false);
    assertNotEquals(before, changes.current(), "read at the very next call");
  }

  @Test
  void aTerminatedFeedFallsBackToReadingTheRowAndListensAgainByItself() throws Exception {
    changes = following(jdbc.url());
    await(changes::answersFromMemory, PROMPTLY.plus(RegistrationFeed.RETRY), "the feed listens");
    assertEquals(1, terminateFeeds(), "one feed connection");
    await(() -> !changes.answersFromMemory(), PROMPTLY, "the feed knows it is down");
    long before = changes.current();
    changeInAnotherProcess(false);
    assertNotEquals(before, changes.current(), "while down, the next call reads the row");
    await(changes::answersFromMemory, RegistrationFeed.RETRY.plus(PROMPTLY), "the feed listens again");
    long again = changes.current();
    changeInAnotherProcess(true);
    await(() -> changes.current() != again, PROMPTLY, "notified again");
  }

  @Test
  void recordingAChangeNotifiesTheOtherInstancesAtTheCommit() throws Exception {
    try (Connection other = connect(); Statement s = other.createStatement()) {
      s.execute("LISTEN " + RegistrationFeed.CHANNEL);
      PGNotification[][] beforeCommit = new PGNotification[1][];
      db.transactor().run(em -> {
        RegistrationChanges.recordIn(em);
        try {
          beforeCommit[0] = other.unwrap(PGConnection.class).getNotifications(100);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      assertTrue(beforeCommit[0] == null || beforeCommit[0].length == 0, "nothing before the commit");
      PGNotification[] atCommit = other.unwrap(PGConnection.class).getNotifications((int) PROMPTLY.toMillis());
      assertTrue(atCommit != null && atCommit.length == 1, "one notification at the commit");
    }
  }

  private RegistrationChanges following(String url) {
    return RegistrationChanges.following(db.transactor(), url, jdbc.user(), jdbc.password(), work -> {
      Thread thread = new Thread(work);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** A change as another instance (another process) commits it: the row raised, and maybe notified. */
  private void changeInAnotherProcess(boolean notify) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      if (s.executeUpdate("UPDATE change_generation SET generation = generation + 1 WHERE topic = 'registrations'")
          == 0) {
        s.executeUpdate("INSERT INTO change_generation (topic, generation) VALUES ('registrations', 1)");
      }
      if (notify) {
        s.execute("NOTIFY " + RegistrationFeed.CHANNEL);
      }
      c.commit();
    }
  }

  private int terminateFeeds() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND application_name = '" + RegistrationFeed.APPLICATION_NAME
            + "'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
  }

  private static void await(BooleanSupplier effect, Duration bound, String what) throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!effect.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "not within " + bound + ": " + what);
      Thread.sleep(10);
    }
  }
}
