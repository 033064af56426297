package eu.somework.jobs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Periodic jobs keep running after a failed run, and stop when cancelled. */
class BackgroundJobsTest {
  private final ScheduledExecutorService scheduler = new ScheduledThreadPoolExecutor(1);
  private final BackgroundJobs jobs = BackgroundJobs.on(scheduler);

  @AfterEach
  void shutDown() {
    scheduler.shutdownNow();
  }

  @Test
  void aRunThatThrowsDoesNotStopTheLaterRuns() throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch thirdRun = new CountDownLatch(3);
    jobs.every(Duration.ofMillis(20), "a job that fails the first time", () -> {
      thirdRun.countDown();
      if (runs.incrementAndGet() == 1) {
        throw new IllegalStateException("the database is away for a moment");
      }
    });

    assertTrue(thirdRun.await(10, TimeUnit.SECONDS), "ran " + runs.get() + " time(s)");
  }

  @Test
  void cancelledJobsRunNoMore() throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch firstRun = new CountDownLatch(1);
    jobs.every(Duration.ofMillis(20), "counting", () -> {
      runs.incrementAndGet();
      firstRun.countDown();
    });
    assertTrue(firstRun.await(10, TimeUnit.SECONDS));

    jobs.cancelAll();
    int afterCancel = runs.get();
    Thread.sleep(200);

    assertTrue(runs.get() <= afterCancel + 1, "at most a run already under way: " + runs.get() + " > " + afterCancel);
  }
}
