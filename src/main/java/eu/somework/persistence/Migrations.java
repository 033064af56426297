package eu.somework.persistence;

import org.flywaydb.core.Flyway;

/**
 * The versioned schema migrations under {@code db/migration}: one set of scripts for H2 and
 * PostgreSQL, applied at start-up. Kept apart from {@link Database} so that tests and tools run
 * them exactly as the tool does.
 *
 * <p>On PostgreSQL, whose DDL is transactional, all the migrations a start applies run in one
 * transaction: an upgrade that fails in its third migration leaves the schema as the previous
 * version of the tool left it, so that version can be started again while the cause is fixed.
 */
public final class Migrations {
  private Migrations() {}

  /** Flyway configured for the tool's scripts on the given database; call migrate() or validate(). */
  public static Flyway on(String url, String user, String password) {
    return Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(url, user, password)
        .locations("classpath:db/migration")
        .group(transactionalDdl(url))
        .load();
  }

  /** Whether the database rolls back schema changes with the transaction (PostgreSQL does, H2 does not). */
  static boolean transactionalDdl(String url) {
    return url.startsWith("jdbc:postgresql:");
  }
}
