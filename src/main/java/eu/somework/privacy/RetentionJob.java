package eu.somework.privacy;

import eu.somework.config.Settings;
import eu.somework.jobs.BackgroundJobs;
import eu.somework.platform.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Runs {@link CourseRetention} every {@link #PERIOD} on every instance when
 * {@code somework.retention.months} is set; harmless when instances run it at once.
 */
@ApplicationScoped
public class RetentionJob {
  static final Duration PERIOD = Duration.ofHours(1);

  @Inject Settings settings;
  @Inject CourseRetention retention;
  @Inject BackgroundJobs jobs;

  void onToolStarted(@Observes Startup.ToolStarted started) {
    OptionalInt months = settings.retentionMonths();
    if (months.isPresent()) {
      jobs.every(PERIOD, "delete the personal data of courses inactive for " + months.getAsInt() + " months",
          () -> retention.deleteDue(months.getAsInt()));
    }
  }
}
