package eu.somework.persistence;

import org.flywaydb.core.Flyway;

/**
 * The versioned schema migrations under {@code db/migration}: one set of scripts for H2 and
 * PostgreSQL, applied at start-up. Kept apart from {@link Database} so that tests and tools run
 * them exactly as the tool does.
 */
public final class Migrations {
  private Migrations() {}

  /** Flyway configured for the tool's scripts on the given database; call migrate() or validate(). */
  public static Flyway on(String url, String user, String password) {
    return Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(url, user, password)
        .locations("classpath:db/migration")
        .load();
  }
}
