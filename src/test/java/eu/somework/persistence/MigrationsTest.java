package eu.somework.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.JdbcDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The tool's start-up migrations on an empty and on an existing database, on H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class MigrationsTest {
  @Parameter DatabaseEngine engine;
  @TempDir Path folder;

  private JdbcDatabase db;

  @BeforeEach
  void emptyDatabase() {
    db = engine.createEmpty(folder);
  }

  @Test
  void firstStartAppliesEveryMigrationToAnEmptyDatabase() {
    Flyway flyway = flyway();
    int known = flyway.info().all().length;

    MigrateResult result = flyway.migrate();

    assertTrue(known > 0, "no migration scripts found on the class path");
    assertEquals(known, result.migrationsExecuted);
    assertEquals(0, flyway.info().pending().length);
  }

  @Test
  void everyTableAndColumnTheEntitiesMapExistsAfterMigration() throws SQLException {
    flyway().migrate();
    Set<String> mapped;
    EntityManagerFactory factory = PersistenceUnit.open(db.url(), db.user(), db.password());
    try {
      mapped = MappedColumns.of(factory);
    } finally {
      factory.close();
    }

    Set<String> missing = new TreeSet<>(mapped);
    missing.removeAll(columnsInDatabase());

    assertTrue(mapped.size() > 10, "the persistence unit maps too few columns to be the real one: " + mapped);
    assertEquals(Set.of(), missing, "mapped by an entity but not created by any migration");
  }

  @Test
  void laterStartOnAnExistingDatabaseChangesNothingAndKeepsTheRows() throws SQLException {
    flyway().migrate();
    String versionBefore = flyway().info().current().getVersion().getVersion();
    execute("INSERT INTO shared_secret (name, secret, created_at) VALUES ('kept', 'x', CURRENT_TIMESTAMP)");

    MigrateResult again = flyway().migrate();

    assertTrue(again.success);
    assertEquals(0, again.migrationsExecuted);
    assertEquals(versionBefore, flyway().info().current().getVersion().getVersion());
    assertEquals(1, count("SELECT COUNT(*) FROM shared_secret WHERE name = 'kept'"));
  }

  @Test
  void twoInstancesMigratingAnEmptyDatabaseAtOnceBothStartAndEachMigrationIsAppliedOnce() throws Exception {
    // several instances share PostgreSQL only (an H2 file is opened by one process)
    assumeTrue(engine == DatabaseEngine.POSTGRESQL);
    int known = flyway().info().all().length;
    CountDownLatch ready = new CountDownLatch(2);
    Callable<Integer> instance = () -> {
      Flyway flyway = flyway();
      ready.countDown();
      ready.await();
      return flyway.migrate().migrationsExecuted;
    };
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs = two.invokeAll(List.of(instance, instance));
      int first = runs.get(0).get(60, TimeUnit.SECONDS);
      int second = runs.get(1).get(60, TimeUnit.SECONDS);

      assertEquals(known, first + second, "one of them applied every migration, the other none: " + first
          + " and " + second);
      assertEquals(0, Math.min(first, second));
    } finally {
      two.shutdownNow();
    }
    assertEquals(known, count("SELECT COUNT(DISTINCT version) FROM flyway_schema_history WHERE success"));
    assertEquals(known, count("SELECT COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL"));
  }

  @Test
  void validatePassesOnAMigratedDatabase() {
    flyway().migrate();

    ValidateResult result = flyway().validateWithResult();

    assertTrue(result.validationSuccessful, () -> String.valueOf(result.getAllErrorMessages()));
  }

  @Test
  void validateFailsOnADatabaseTheMigrationsHaveNotReached() {
    String firstVersion = flyway().info().all()[0].getVersion().getVersion();

    FlywayValidateException e = assertThrows(FlywayValidateException.class, () -> flyway().validate());

    assertTrue(e.getMessage().contains("Detected resolved migration not applied to database: " + firstVersion),
        e.getMessage());
  }

  @Test
  void startRefusesADatabaseWhoseAppliedMigrationWasEditedAfterwards() throws SQLException {
    flyway().migrate();
    MigrationInfo first = flyway().info().applied()[0];
    // Flyway quotes its own names, so H2 keeps them in lower case as PostgreSQL does
    execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '"
        + first.getVersion().getVersion() + "'");

    FlywayValidateException e = assertThrows(FlywayValidateException.class, () -> flyway().migrate());

    assertTrue(e.getMessage().contains("checksum mismatch for migration version "
        + first.getVersion().getVersion()), e.getMessage());
  }

  private Flyway flyway() {
    return Migrations.on(db.url(), db.user(), db.password());
  }

  /** "table.column" in lower case for every column of every table in the default schema. */
  private Set<String> columnsInDatabase() throws SQLException {
    Set<String> columns = new TreeSet<>();
    try (Connection c = connect();
        ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), "%", "%")) {
      while (rs.next()) {
        columns.add((rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME")).toLowerCase());
      }
    }
    return columns;
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(db.url(), db.user(), db.password());
  }
}
