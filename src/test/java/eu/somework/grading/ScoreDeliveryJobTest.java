package eu.somework.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.jobs.BackgroundJobs;
import eu.somework.platform.Startup;
import eu.somework.testsupport.LogCapture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** At start, the score delivery names the instance as its claims in the outbox do, once. */
class ScoreDeliveryJobTest {
  @RegisterExtension final LogCapture log = new LogCapture(ScoreDeliveryJob.class);

  @Test
  void theStartLogsTheInstancesClaimNameOnce() {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      ScoreDeliveryJob job = new ScoreDeliveryJob();
      job.jobs = BackgroundJobs.on(scheduler);
      job.onToolStarted(new Startup.ToolStarted("http://localhost:8080"));
      assertEquals(1, log.records().size(), log.records().toString());
      String line = log.records().get(0).getMessage();
      assertTrue(line.matches("Score delivery runs as instance-[0-9a-f]{8} .*claimed_by.*"), line);
      assertTrue(line.contains(job.instanceName() + " "), line);
      assertNotEquals(job.instanceName(), new ScoreDeliveryJob().instanceName(), "each instance has its own name");
    } finally {
      scheduler.shutdownNow();
    }
  }
}
