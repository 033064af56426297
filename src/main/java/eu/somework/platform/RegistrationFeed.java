package eu.somework.platform;

import eu.somework.persistence.DatabaseOutage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Follows the registrations' generation on PostgreSQL without a read per request. One connection
 * of its own (opened with the driver, not taken from the persistence unit's pool, which would lose
 * it) {@code LISTEN}s on {@link #CHANNEL}; every change {@code NOTIFY}s it in its own transaction
 * ({@link RegistrationChanges#recordIn}), and PostgreSQL delivers the notification to every
 * listening instance when that transaction commits, never before and never if it rolls back. On a
 * notification the feed reads the generation row and hands it to its {@link Follower}; it reads it
 * every {@link #RECHECK} anyway, so a notification that were lost delays a change by that much at
 * most.
 *
 * <p>On (re)connecting it {@code LISTEN}s first and reads the row second, then reports itself up:
 * a change committed in between is either in the row or notified. When the connection fails
 * (database restarted, network, the backend terminated) it reports itself down at once, logs one
 * line, and connects again every {@link #RETRY}; it logs one line when it is back. It never logs
 * the URL, user or password.
 */
final class RegistrationFeed implements Runnable {
  private static final Logger LOG = Logger.getLogger(RegistrationFeed.class.getName());
  /** The notification channel of registration changes. */
  static final String CHANNEL = "somework_registrations";
  /** The feed's connection as {@code pg_stat_activity.application_name} shows it. */
  static final String APPLICATION_NAME = "somework change feed";
  /** The row is read this often even when nothing was notified: the bound on a lost notification. */
  static final Duration RECHECK = Duration.ofSeconds(5);
  /** How often a feed that is down tries to connect again. */
  static final Duration RETRY = Duration.ofSeconds(2);
  /** A silent network failure is noticed within this (a read blocks no longer). */
  private static final int NETWORK_TIMEOUT_MS = 10_000;

  /** Who is told what the feed sees; called on the feed's thread. */
  interface Follower {
    /** The feed listens again: {@code generation} is the row as read just after {@code LISTEN}. */
    void feedUp(long generation);

    /** The row read after a notification, or by the periodic re-read. */
    void seen(long generation);

    /** The feed cannot tell about changes until it reports itself up again. */
    void feedDown();
  }

  private final String url;
  private final Properties login;
  private final Follower follower;
  private volatile boolean stopped;
  private volatile Connection connection;
  private Thread thread;

  RegistrationFeed(String url, String user, String password, Follower follower) {
    this.url = url;
    this.login = new Properties();
    login.setProperty("user", user);
    login.setProperty("password", password);
    login.setProperty("ApplicationName", APPLICATION_NAME);
    this.follower = follower;
  }

  /** Starts the feed on a thread of {@code threads}. */
  synchronized void start(ThreadFactory threads) {
    thread = threads.newThread(this);
    thread.setName("somework-registration-feed");
    thread.start();
  }

  /** Stops the feed and waits (briefly) for its thread to end: closes its connection, ends a wait. */
  void stop() {
    stopped = true;
    Connection open = connection;
    if (open != null) {
      try {
        open.abort(Runnable::run); // unblocks a thread waiting for notifications on it
      } catch (SQLException | RuntimeException ignored) {
        // closing anyway
      }
    }
    Thread running;
    synchronized (this) {
      running = thread;
    }
    if (running != null) {
      running.interrupt();
      try {
        running.join(RETRY.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void run() {
    boolean down = false;
    while (!stopped) {
      try (Connection c = DriverManager.getConnection(url, login)) {
        connection = c;
        c.setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_MS);
        try (Statement listen = c.createStatement()) {
          listen.execute("LISTEN " + CHANNEL);
        }
        follower.feedUp(read(c));
        if (down) {
          down = false;
          LOG.info("Registration change feed is back: registration changes on other instances are"
              + " followed from PostgreSQL's notifications again.");
        }
        PGConnection notifications = c.unwrap(PGConnection.class);
        while (!stopped) {
          notifications.getNotifications((int) RECHECK.toMillis()); // returns on a notification or after RECHECK
          follower.seen(read(c));
        }
      } catch (SQLException | RuntimeException e) {
        follower.feedDown();
        if (stopped) {
          break;
        }
        if (!down) {
          down = true;
          LOG.warning(() -> "Registration change feed is down (" + reason(e) + "): until it is"
              + " back, each request reads the registrations' generation from the database; it reconnects every "
              + RETRY.toSeconds() + " s.");
        }
        pause();
      } finally {
        connection = null;
      }
    }
    follower.feedDown();
  }

  /** The SQL state or the kind of failure: never the URL, user or password. */
  private static String reason(Exception e) {
    return e instanceof SQLException sql && sql.getSQLState() != null ? "SQL state " + sql.getSQLState()
        : DatabaseOutage.describe(e);
  }

  private static long read(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(RegistrationChanges.READ)) {
      return rows.next() ? rows.getLong(1) : 0L;
    }
  }

  private void pause() {
    try {
      Thread.sleep(RETRY.toMillis());
    } catch (InterruptedException e) {
      stopped = true; // only stop() interrupts it; the server's shutdown too
    }
  }
}
