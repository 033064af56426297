package eu.somework.health;

import eu.somework.config.Settings;
import eu.somework.persistence.Migrations;
import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Readiness: the database's schema is exactly the newest migration this version of the tool carries,
 * and no migration is recorded as failed. DOWN when the schema is behind (someone restored an old
 * backup), ahead (a newer version of the tool migrated it: this one may misread it) or half-migrated.
 *
 * <p>What the tool carries is read once from Flyway (a classpath scan); what the database holds is
 * read from Flyway's history table on every probe, a query of a dozen rows.
 */
@Readiness
@ApplicationScoped
public class MigrationsReadiness implements HealthCheck {
  static final String NAME = "schema-migrations";
  /** Whether the start-up is done; always in tests outside the container. */
  private java.util.function.BooleanSupplier started = eu.somework.platform.Startup::done;

  @Inject Transactor tx;
  @Inject Settings settings;
  private volatile MigrationVersion carried;
  private Supplier<Flyway> flyway = () -> Migrations.on(settings.databaseUrl(), settings.databaseUser(),
      settings.databasePassword());

  /** The check over the given database and its Flyway, outside a container (tests). */
  public static MigrationsReadiness over(Transactor tx, Flyway flyway) {
    MigrationsReadiness check = new MigrationsReadiness();
    check.started = () -> true;
    check.tx = tx;
    check.flyway = () -> flyway;
    return check;
  }

  @Override
  public HealthCheckResponse call() {
    if (!started.getAsBoolean()) { // a probe while the application deploys: touch nothing yet
      return new CheckReport(NAME).down(CheckReport.STARTING);
    }
    var answer = new CheckReport(NAME);
    List<Object[]> rows;
    MigrationVersion newest;
    try {
      newest = carried();
      answer.with("carried", newest.getVersion());
      rows = tx.read(em -> rows(em.createNativeQuery(
          "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")
          .getResultList()));
    } catch (RuntimeException e) {
      return answer.down("The schema's version could not be read (" + e.getClass().getSimpleName()
          + ").");
    }
    long failed = rows.stream().filter(row -> !Boolean.TRUE.equals(row[1])).count();
    Optional<MigrationVersion> applied = rows.stream().filter(row -> Boolean.TRUE.equals(row[1]))
        .map(row -> MigrationVersion.fromVersion(String.valueOf(row[0]))).max(MigrationVersion::compareTo);
    answer.with("applied", applied.map(MigrationVersion::getVersion).orElse("none"));
    if (failed > 0) {
      return answer.down(failed + " migration(s) are recorded as failed: the schema is half-migrated.");
    }
    int order = applied.map(version -> version.compareTo(newest)).orElse(-1);
    if (order < 0) {
      return answer.down("The database's schema is older than this version of the tool"
          + " (migrations not applied).");
    }
    if (order > 0) {
      return answer.down("The database's schema was migrated by a newer version of the tool.");
    }
    return answer.up();
  }

  private MigrationVersion carried() {
    MigrationVersion known = carried;
    if (known == null) {
      known = Arrays.stream(flyway.get().info().all()).filter(info -> info.getState().isResolved())
          .map(MigrationInfo::getVersion).filter(Objects::nonNull).max(MigrationVersion::compareTo)
          .orElse(MigrationVersion.EMPTY);
      carried = known;
    }
    return known;
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(List<?> result) {
    return (List<Object[]>) result;
  }
}
