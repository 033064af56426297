package eu.somework.persistence;

import eu.somework.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The tool's database: brings the schema up to date with the versioned migrations under
 * {@code db/migration} (the same scripts for H2 and PostgreSQL), then opens the persistence unit.
 * The unit is application-managed so that its connection comes from the tool's own configuration
 * (data folder or {@code somework.db.url}) rather than a server resource an operator must create.
 *
 * <p>On PostgreSQL, where several instances may start at once, opening the database first takes this
 * instance's turn at starting ({@link StartupLock}); the tool's start-up gives it back with
 * {@link #startupDone()} once its own start-up writes are done.
 */
@ApplicationScoped
public class Database {
  private static final Logger LOG = Logger.getLogger(Database.class.getName());

  @Inject Settings settings;
  private EntityManagerFactory factory;
  private StartupLock startupLock = StartupLock.NONE;

  @PostConstruct
  void open() {
    String url = settings.databaseUrl();
    try {
      if (url.startsWith("jdbc:h2:file:")) {
        Files.createDirectories(settings.dataDir());
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot create the data folder " + settings.dataDir(), e);
    }
    String user = settings.databaseUser();
    String password = settings.databasePassword();
    startupLock = connectOnce(url, user, password);
    try {
      int applied = migrate(url, user, password);
      LOG.info(() -> "Database schema up to date (" + applied + " migration(s) applied now).");
      factory = PersistenceUnit.open(url, user, password, settings.countStatements());
    } catch (RuntimeException e) {
      startupDone();
      throw e;
    }
  }

  /**
   * Ends this instance's turn at starting (see {@link StartupLock}): call it when the start-up
   * writes are done, or the start failed. Calling it again does nothing.
   */
  public void startupDone() {
    startupLock.close();
  }

  /**
   * Applies the pending migrations; a failure is logged in one line naming the migration and the
   * database's reason, and refuses the start.
   */
  private static int migrate(String url, String user, String password) {
    Flyway flyway = Migrations.on(url, user, password);
    try {
      return flyway.migrate().migrationsExecuted;
    } catch (FlywayException e) {
      MigrationFailed failure = new MigrationFailed(e, versionNow(flyway), Migrations.transactionalDdl(url));
      LOG.severe(failure.getMessage());
      throw failure;
    }
  }

  private static String versionNow(Flyway flyway) {
    try {
      MigrationInfo current = flyway.info().current();
      return current == null || current.getVersion() == null ? "none (empty)" : current.getVersion().getVersion();
    } catch (FlywayException e) {
      return "unknown";
    }
  }

  /**
   * Connects once before anything else, so that a database the tool cannot reach is reported in
   * one line that names it, rather than deep inside the migration tool's and the server's traces;
   * then takes this instance's turn at starting on that connection.
   */
  private static StartupLock connectOnce(String url, String user, String password) {
    try {
      Class.forName(PersistenceUnit.driverFor(url), true, Database.class.getClassLoader());
      Connection connection = DriverManager.getConnection(url, user, password);
      LOG.info(() -> "Connected to the database " + DatabaseUnavailable.withoutPassword(url) + " as " + user + ".");
      // only PostgreSQL is shared by instances; an H2 file is opened by one process
      return StartupLock.take(connection, url.startsWith("jdbc:postgresql:"));
    } catch (SQLException e) {
      DatabaseUnavailable failure = new DatabaseUnavailable(url, user, e);
      LOG.severe(failure.getMessage());
      throw failure;
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("The JDBC driver for " + DatabaseUnavailable.withoutPassword(url)
          + " is not in the tool", e);
    }
  }

  /** A database over a factory opened outside the container; its owner closes the factory. */
  static Database over(EntityManagerFactory factory) {
    Database database = new Database();
    database.factory = factory;
    return database;
  }

  public EntityManagerFactory factory() {
    return factory;
  }

  @PreDestroy
  void close() {
    startupDone();
    if (factory != null && factory.isOpen()) {
      factory.close();
    }
  }
}
