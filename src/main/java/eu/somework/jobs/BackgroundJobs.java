package eu.somework.jobs;

import eu.somework.persistence.DatabaseOutage;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work the tool does in the background, on the server's managed scheduler (Payara's
 * {@code java:comp/DefaultManagedScheduledExecutorService}): its threads belong to the server,
 * carry the application's context and stop with the application. A job runs on a thread of its
 * own, so it opens its own transactions; on several instances, each runs it, so a job must be
 * harmless when repeated (a delete of what has expired is).
 */
@ApplicationScoped
public class BackgroundJobs {
  private static final Logger LOG = Logger.getLogger(BackgroundJobs.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService scheduler;

  private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();

  /** Jobs on the given scheduler, e.g. a test's; whoever made it shuts it down. */
  public static BackgroundJobs on(ScheduledExecutorService scheduler) {
    BackgroundJobs jobs = new BackgroundJobs();
    jobs.scheduler = scheduler;
    return jobs;
  }

  /**
   * Runs {@code job} every {@code period}, the first time one period from now, each run starting a
   * period after the previous one ended. A run that throws is logged with the job's name and does
   * not stop the later runs.
   *
   * @param name what the job does, for the log
   */
  public void every(Duration period, String name, Runnable job) {
    long millis = period.toMillis();
    Run run = new Run(name, period, job);
    scheduled.add(scheduler.scheduleWithFixedDelay(run::runLogged, millis, millis, TimeUnit.MILLISECONDS));
    LOG.fine(() -> "Background job scheduled every " + period + ": " + name);
  }

  /**
   * One scheduled job. A run that fails because the database cannot be reached logs one line when
   * the outage begins and one when a run succeeds again, not a stack trace every period.
   */
  private static final class Run {
    private final String name;
    private final Duration period;
    private final Runnable job;
    /** Set by the first run that met the database unreachable; runs of one job never overlap. */
    private boolean waitingForDatabase;

    Run(String name, Duration period, Runnable job) {
      this.name = name;
      this.period = period;
      this.job = job;
    }

    void runLogged() {
      try {
        job.run();
        if (waitingForDatabase) {
          waitingForDatabase = false;
          LOG.info(() -> "Background job resumed, the database answers again: " + name);
        }
      } catch (RuntimeException e) {
        // a scheduled task that throws is never run again: log it and let the next run try
        if (!DatabaseOutage.isCause(e)) {
          LOG.log(Level.WARNING, "Background job failed, will run again: " + name, e);
        } else if (!waitingForDatabase) {
          waitingForDatabase = true;
          LOG.warning(() -> "Background job waiting for the database, which cannot be reached ("
              + DatabaseOutage.describe(e) + "); it tries again every " + period.toSeconds() + " s: " + name);
        }
      }
    }
  }

  /**
   * The jobs scheduled so far and how many of them stopped for good (cancelled, or their scheduler
   * went away): for the liveness check. A run that threw does not stop its job.
   */
  public Schedule schedule() {
    List<ScheduledFuture<?>> now = List.copyOf(scheduled);
    int stopped = (int) now.stream().filter(ScheduledFuture::isDone).count();
    return new Schedule(now.size(), stopped);
  }

  /** {@code jobs} scheduled, {@code stopped} of them no longer running. */
  public record Schedule(int jobs, int stopped) {}

  /** Cancels every job (a run in progress finishes). */
  @PreDestroy
  public void cancelAll() {
    scheduled.forEach(future -> future.cancel(false));
    scheduled.clear();
  }
}
