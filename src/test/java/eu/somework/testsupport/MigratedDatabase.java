package eu.somework.testsupport;

import eu.somework.persistence.Migrations;
import eu.somework.persistence.PersistenceUnit;
import eu.somework.persistence.Transactor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A fresh database brought up the way the tool starts: migrations, then the real persistence unit
 * opened outside the container. Close it to release the connections before the folder goes.
 */
public final class MigratedDatabase implements AutoCloseable {
  private final JdbcDatabase jdbc;
  private final EntityManagerFactory factory;

  private MigratedDatabase(JdbcDatabase jdbc, EntityManagerFactory factory) {
    this.jdbc = jdbc;
    this.factory = factory;
  }

  public static MigratedDatabase create(DatabaseEngine engine, Path folder) {
    JdbcDatabase jdbc = engine.createEmpty(folder);
    Migrations.on(jdbc.url(), jdbc.user(), jdbc.password()).migrate();
    return new MigratedDatabase(jdbc, PersistenceUnit.open(jdbc.url(), jdbc.user(), jdbc.password()));
  }

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

  @Override
  public void close() {
    factory.close();
  }
}
