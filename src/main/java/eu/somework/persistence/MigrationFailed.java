package eu.somework.persistence;

import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

/**
 * A schema migration failed at start-up, so the tool does not start. The message is one line for the
 * operator's log: which migration, what the database said (its first line, without the SQL
 * statement), what state the schema is in, and what to do. It holds no password: the database's
 * errors name objects, not credentials.
 */
public final class MigrationFailed extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  MigrationFailed(FlywayException failure, String versionNow, boolean rolledBack) {
    super("Database migration " + migration(failure) + " failed: " + reason(failure) + " "
        + (rolledBack
            ? "Nothing was changed: the schema is still at version " + versionNow + ", as before this start."
            : "The schema is now at version " + versionNow + " and may be partly migrated: restore its backup.")
        + " The tool does not start; fix the cause and start it again.", failure);
  }

  /** "V14 (launch activity)", or "of the schema" when Flyway did not say which. */
  private static String migration(FlywayException failure) {
    // Flyway's public API has no accessor for the failed migration; its internal exception does
    MigrationInfo info = failure instanceof FlywayMigrateException migrate ? migrate.getMigration() : null;
    if (info == null || info.getVersion() == null) {
      return "of the schema";
    }
    return "V" + info.getVersion().getVersion() + " (" + info.getDescription() + ")";
  }

  /** The database's own words, first line only; else Flyway's first line. */
  private static String reason(FlywayException failure) {
    return firstSqlException(failure).map(sql -> firstLine(sql.getMessage()) + sqlState(sql) + ".")
        .orElseGet(() -> {
          String line = firstLine(failure.getMessage());
          return line.endsWith(".") ? line : line + ".";
        });
  }

  private static String firstLine(String text) {
    return String.valueOf(text).strip().lines().findFirst().orElse("").strip();
  }

  private static String sqlState(SQLException sql) {
    return sql.getSQLState() == null ? "" : " (SQL state " + sql.getSQLState() + ")";
  }

  private static Optional<SQLException> firstSqlException(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        return Optional.of(sql);
      }
    }
    return Optional.empty();
  }
}
