package eu.somework.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.config.Settings;
import eu.somework.grading.Backoff;
import eu.somework.grading.DeliveryOutcome;
import eu.somework.grading.ScoreOutbox;
import eu.somework.grading.ScoreProgress;
import eu.somework.grading.ScoreTarget;
import eu.somework.jobs.BackgroundJobs;
import eu.somework.persistence.Migrations;
import eu.somework.persistence.PersistenceUnit;
import eu.somework.persistence.Transactor;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.HandClock;
import eu.somework.testsupport.JdbcDatabase;
import eu.somework.testsupport.MigratedDatabase;
import eu.somework.testsupport.TestConfig;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each health check UP on a healthy tool and DOWN, with its reason, for each way it can fail; on a
 * real H2 database.
 */
class HealthChecksTest {
  private static final Instant T0 = Instant.parse("2027-03-01T12:00:00Z");

  private static void assertUp(HealthCheckResponse answer) {
    assertEquals(HealthCheckResponse.Status.UP, answer.getStatus(), () -> "data: " + answer.getData());
  }

  /** DOWN, and the reason says {@code expected}. */
  private static void assertDown(HealthCheckResponse answer, String expected) {
    assertEquals(HealthCheckResponse.Status.DOWN, answer.getStatus(), () -> "data: " + answer.getData());
    String reason = String.valueOf(answer.getData().orElseThrow().get("reason"));
    assertTrue(reason.contains(expected), () -> "reason: " + reason);
  }

  @Nested
  class Liveness {
    @Test
    void upWhileTheBackgroundJobsAreScheduledDownWhenTheyStopped() {
      ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
      try {
        BackgroundJobs jobs = BackgroundJobs.on(scheduler);
        JobsLiveness check = JobsLiveness.over(jobs);
        assertDown(check.call(), "has not finished starting");

        jobs.every(Duration.ofHours(1), "test job", () -> {});
        assertUp(check.call());

        scheduler.shutdown(); // periodic tasks are cancelled with their scheduler
        assertDown(check.call(), "1 background job(s) stopped");
      } finally {
        scheduler.shutdownNow();
      }
    }
  }

  @Nested
  class Database {
    @Test
    void upWhenTheDatabaseAnswers() {
      DatabaseReadiness check = DatabaseReadiness.over(MigratedDatabase.emptied(DatabaseEngine.H2).transactor());
      try {
        assertUp(check.call());
      } finally {
        check.close();
      }
    }

    @Test
    void downWhenTheDatabaseCannotBeReached() {
      // nothing listens on port 1: the connection is refused
      EntityManagerFactory unreachable = PersistenceUnit.open("jdbc:h2:tcp://127.0.0.1:1/nothing", "sa", "");
      DatabaseReadiness check = DatabaseReadiness.over(Transactor.over(unreachable));
      try {
        HealthCheckResponse answer = check.call();
        // refused, or not answered in time while the persistence unit retries its login: DOWN either way
        assertDown(answer, "The database ");
        assertTrue(!answer.getData().orElseThrow().toString().contains("127.0.0.1"), "no host in the data");
      } finally {
        check.close();
        unreachable.close();
      }
    }
  }

  /** Its own database: these tests change Flyway's history, which the shared test database must keep. */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class SchemaMigrations {
    private JdbcDatabase jdbc;
    private EntityManagerFactory factory;
    private Transactor tx;
    private MigrationsReadiness check;

    @BeforeAll
    void migrate(@TempDir Path folder) {
      jdbc = DatabaseEngine.H2.createEmpty(folder);
      Flyway flyway = Migrations.on(jdbc.url(), jdbc.user(), jdbc.password());
      flyway.migrate();
      factory = PersistenceUnit.open(jdbc.url(), jdbc.user(), jdbc.password());
      tx = Transactor.over(factory);
      check = MigrationsReadiness.over(tx, flyway);
    }

    @AfterAll
    void close() {
      factory.close();
    }

    private void sql(String statement) {
      tx.run(em -> em.createNativeQuery(statement).executeUpdate());
    }

    private static String history(int rank, String version, boolean success) {
      return "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
          + " \"script\", \"installed_by\", \"execution_time\", \"success\") VALUES (" + rank + ", '" + version
          + "', 'test', 'SQL', 'V" + version + "__test.sql', 'sa', 0, " + success + ")";
    }

    @Test
    void upWhenTheSchemaIsTheNewestTheToolCarries() {
      HealthCheckResponse answer = check.call();
      assertUp(answer);
      Map<String, Object> data = answer.getData().orElseThrow();
      assertEquals(data.get("carried"), data.get("applied"));
    }

    @Test
    void downWhenTheNewestMigrationIsNotApplied() {
      String newest = String.valueOf(check.call().getData().orElseThrow().get("carried"));
      Object[] row = tx.read(em -> (Object[]) em.createNativeQuery("SELECT \"installed_rank\", \"version\""
          + " FROM \"flyway_schema_history\" WHERE \"version\" = ?1").setParameter(1, newest).getSingleResult());
      sql("UPDATE \"flyway_schema_history\" SET \"version\" = '0.1' WHERE \"installed_rank\" = " + row[0]);
      try {
        assertDown(check.call(), "older than this version of the tool");
      } finally {
        sql("UPDATE \"flyway_schema_history\" SET \"version\" = '" + newest + "' WHERE \"installed_rank\" = " + row[0]);
      }
      assertUp(check.call());
    }

    @Test
    void downWhenANewerVersionOfTheToolMigratedTheDatabase() {
      sql(history(900, "999", true));
      try {
        assertDown(check.call(), "migrated by a newer version of the tool");
      } finally {
        sql("DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" = 900");
      }
    }

    @Test
    void downWhenAMigrationFailed() {
      sql(history(901, "998", false));
      try {
        assertDown(check.call(), "1 migration(s) are recorded as failed");
      } finally {
        sql("DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" = 901");
      }
    }
  }

  @Nested
  class Outbox {
    private final HandClock clock = new HandClock(T0);
    private final Settings settings = new Settings(TestConfig.of(Map.of()));
    private final ScoreOutbox outbox = ScoreOutbox.over(MigratedDatabase.emptied(DatabaseEngine.H2).transactor(),
        clock, new Backoff(Duration.ofSeconds(15), Duration.ofHours(1), () -> 1.0));
    private final OutboxReadiness check = OutboxReadiness.over(outbox, settings, clock);

    private void queueScore() {
      outbox.enqueue(new ScoreTarget("https://moodle.example.edu", "client-1", "dep-1", "link-7",
          Optional.of("data-protection"), "u1"), ScoreProgress.GRADED, OptionalDouble.of(17), OptionalDouble.of(20),
          Optional.empty());
    }

    @Test
    void upWhenAScoreWasDueOnlyMomentsAgo() {
      queueScore();
      clock.advance(Duration.ofMinutes(14));
      assertUp(check.call());
    }

    @Test
    void downWhenAScoreHasBeenDueLongerThanTheThreshold() {
      queueScore();
      clock.advance(Duration.ofMinutes(16));
      HealthCheckResponse answer = check.call();
      assertDown(answer, "1 score(s) due for delivery have waited more than 15 minutes");
      assertEquals(16L, answer.getData().orElseThrow().get("longest-overdue-minutes"));
    }

    @Test
    void aScoreWaitingForItsNextRetryIsNotStuck() {
      queueScore();
      clock.advance(Duration.ofMinutes(14));
      // the platform is down: the attempt schedules the next one 15 s later
      outbox.deliverDue(entry -> new DeliveryOutcome.RetryLater(Optional.of(503), "down", Optional.empty()), "w", 5);
      clock.advance(Duration.ofMinutes(2));
      assertUp(check.call());
    }

    @Test
    void theThresholdIsConfigurable() {
      OutboxReadiness strict = OutboxReadiness.over(outbox,
          new Settings(TestConfig.of(Map.of("somework.health.outbox-stuck-minutes", "5"))), clock);
      queueScore();
      clock.advance(Duration.ofMinutes(6));
      assertDown(strict.call(), "waited more than 5 minutes");
    }

    @Test
    void aThresholdShorterThanAnAttemptIsRefusedAtStart() {
      Settings tooShort = new Settings(TestConfig.of(Map.of("somework.health.outbox-stuck-minutes", "2")));
      assertEquals(java.util.List.of("Configuration somework.health.outbox-stuck-minutes (environment"
          + " SOMEWORK_HEALTH_OUTBOX_STUCK_MINUTES) must be at least 3 minutes, not 2."),
          eu.somework.config.ConfigurationCheck.problems(tooShort));
    }
  }

  @Nested
  class Content {
    @Test
    void upWithTheModulesUnitsDownWhenNoUnitLoaded(@TempDir Path empty) {
      assertUp(ContentReadiness.over(eu.somework.content.ContentCatalogue.from(Path.of("module-content"))).call());
      assertDown(ContentReadiness.over(eu.somework.content.ContentCatalogue.from(empty.resolve("module-content"))).call(),
          "No module units were loaded");
    }
  }
}
