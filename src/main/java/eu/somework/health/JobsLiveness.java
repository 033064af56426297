package eu.somework.health;

import eu.somework.jobs.BackgroundJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness ({@code /health/live}): the application is deployed (else this check would not answer)
 * and every background job (score delivery, login purge, key rotation) is still scheduled. A job
 * that stopped never runs again until a restart, which is what a failed liveness check asks for.
 */
@Liveness
@ApplicationScoped
public class JobsLiveness implements HealthCheck {
  static final String NAME = "background-jobs";

  @Inject BackgroundJobs jobs;

  /** The check over the given jobs, outside a container (tests). */
  public static JobsLiveness over(BackgroundJobs jobs) {
    JobsLiveness check = new JobsLiveness();
    check.jobs = jobs;
    return check;
  }

  @Override
  public HealthCheckResponse call() {
    BackgroundJobs.Schedule schedule = jobs.schedule();
    var answer = new CheckReport(NAME).with("jobs", schedule.jobs())
        .with("stopped", schedule.stopped());
    if (schedule.jobs() == 0) {
      return answer.down("No background job is scheduled: the tool has not finished starting.");
    }
    if (schedule.stopped() > 0) {
      return answer.down(schedule.stopped() + " background job(s) stopped and will not run again"
          + " until the tool restarts.");
    }
    return answer.up();
  }
}
