package eu.somework.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.testsupport.LogCapture;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.LogRecord;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Periodic jobs keep running after a failed run, and stop when cancelled. */
class BackgroundJobsTest {
  private final ScheduledExecutorService scheduler = new ScheduledThreadPoolExecutor(1);
  private final BackgroundJobs jobs = BackgroundJobs.on(scheduler);
  @RegisterExtension final LogCapture log = new LogCapture(BackgroundJobs.class);

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
  void aDatabaseOutageIsLoggedOnceWhenItBeginsAndOnceWhenItEnds() throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch sixthRun = new CountDownLatch(6);
    jobs.every(Duration.ofMillis(20), "send due scores", () -> {
      int run = runs.incrementAndGet();
      sixthRun.countDown();
      if (run >= 2 && run <= 4) {
        throw new PersistenceException(new SQLException("Connection to db:5432 refused.", "08001"));
      }
    });

    assertTrue(sixthRun.await(10, TimeUnit.SECONDS), "ran " + runs.get() + " time(s)");
    jobs.cancelAll();
    List<String> lines = log.records().stream().map(LogRecord::getMessage).toList();
    assertEquals(List.of("Background job waiting for the database, which cannot be reached (SQL state 08001);"
        + " it tries again every 0 s: send due scores",
        "Background job resumed, the database answers again: send due scores"), lines.subList(0, 2));
    assertTrue(log.records().stream().allMatch(record -> record.getThrown() == null), "no stack trace");
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
