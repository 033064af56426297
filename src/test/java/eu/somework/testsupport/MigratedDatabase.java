package eu.somework.testsupport;

import eu.somework.persistence.Migrations;
import eu.somework.persistence.PersistenceUnit;
import eu.somework.persistence.Transactor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A database brought up the way the tool starts (migrations, then the real persistence unit opened
 * outside the container), one per engine per JVM: migrating and opening the unit for every test
 * would cost more than the tests themselves. {@link #emptied(DatabaseEngine)} deletes every row
 * first, so a test never sees another's data whatever the order they run in.
 */
public final class MigratedDatabase {
  private static final Map<DatabaseEngine, MigratedDatabase> SHARED = new EnumMap<>(DatabaseEngine.class);

  private final JdbcDatabase jdbc;
  private final EntityManagerFactory factory;
  private final List<String> tablesChildrenFirst;

  private MigratedDatabase(JdbcDatabase jdbc, EntityManagerFactory factory, List<String> tablesChildrenFirst) {
    this.jdbc = jdbc;
    this.factory = factory;
    this.tablesChildrenFirst = tablesChildrenFirst;
  }

  /** The engine's migrated database with no rows in any table. */
  public static synchronized MigratedDatabase emptied(DatabaseEngine engine) {
    MigratedDatabase db = SHARED.computeIfAbsent(engine, MigratedDatabase::create);
    db.deleteAllRows();
    return db;
  }

  private static MigratedDatabase create(DatabaseEngine engine) {
    Path folder = temporaryFolder();
    JdbcDatabase jdbc = engine.createEmpty(folder);
    Migrations.on(jdbc.url(), jdbc.user(), jdbc.password()).migrate();
    EntityManagerFactory factory = PersistenceUnit.open(jdbc.url(), jdbc.user(), jdbc.password());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      factory.close();
      deleteRecursively(folder);
    }, "close-" + engine));
    return new MigratedDatabase(jdbc, factory, SchemaTables.childrenFirst(jdbc));
  }

  /** Where the database is and how to log in to it, e.g. for a connection of a test's own. */
  public JdbcDatabase jdbc() {
    return jdbc;
  }

  public EntityManagerFactory factory() {
    return factory;
  }

  /** The tool's own transaction boundary over this database. */
  public Transactor transactor() {
    return Transactor.over(factory);
  }

  /** Runs work in a transaction of a new entity manager, so that nothing is served from memory. */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    return transactor().inTransaction(work);
  }

  public void run(Consumer<EntityManager> work) {
    transactor().run(work);
  }

  private void deleteAllRows() {
    run(em -> tablesChildrenFirst.forEach(
        table -> em.createNativeQuery("DELETE FROM \"" + table + "\"").executeUpdate()));
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("somework-test-db-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("Could not delete the test database folder " + folder + ": " + e.getMessage());
    }
  }
}
