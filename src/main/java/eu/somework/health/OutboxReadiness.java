package eu.somework.health;

import eu.somework.config.Settings;
import eu.somework.grading.ScoreOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the score outbox is being drained. Every instance's delivery job takes the scores that
 * are due every few seconds, and each attempt moves a score's due time forward by the backoff (or
 * ends it); so a score that has stayed due for longer than {@code somework.health.outbox-stuck-minutes}
 * (default 15) means no delivery job runs against this database. A platform that is down does not
 * trip it: its scores wait for their next attempt, they are not overdue.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {
  static final String NAME = "score-outbox";
  /** Whether the start-up is done; always in tests outside the container. */
  private java.util.function.BooleanSupplier started = eu.somework.platform.Startup::done;

  @Inject ScoreOutbox outbox;
  @Inject Settings settings;
  @Inject Clock clock;

  /** The check over the given outbox, outside a container (tests). */
  public static OutboxReadiness over(ScoreOutbox outbox, Settings settings, Clock clock) {
    OutboxReadiness check = new OutboxReadiness();
    check.started = () -> true;
    check.outbox = outbox;
    check.settings = settings;
    check.clock = clock;
    return check;
  }

  @Override
  public HealthCheckResponse call() {
    if (!started.getAsBoolean()) { // a probe while the application deploys: touch nothing yet
      return new CheckReport(NAME).down(CheckReport.STARTING);
    }
    Duration threshold = settings.outboxStuckAfter();
    var answer = new CheckReport(NAME).with("stuck-after-minutes", threshold.toMinutes());
    Instant now = clock.instant();
    ScoreOutbox.Overdue overdue;
    try {
      overdue = outbox.overdue(now.minus(threshold));
    } catch (RuntimeException e) {
      return answer.down("The outbox could not be read (" + e.getClass().getSimpleName() + ").");
    }
    answer.with("overdue", overdue.count());
    if (overdue.count() == 0) {
      return answer.up();
    }
    long minutes = Duration.between(overdue.earliestDue().orElse(now), now).toMinutes();
    return answer.with("longest-overdue-minutes", minutes)
        .down(overdue.count() + " score(s) due for delivery have waited more than " + threshold.toMinutes()
            + " minutes: no delivery job is sending them.");
  }
}
