package eu.somework.grading;

import eu.somework.jobs.BackgroundJobs;
import eu.somework.platform.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Every two seconds, on every instance, sends the scores that are due: batches of {@link #BATCH}
 * until none is left. The outbox's claims keep instances from sending the same score at once.
 */
@ApplicationScoped
public class ScoreDeliveryJob {
  private static final Logger LOG = Logger.getLogger(ScoreDeliveryJob.class.getName());
  static final Duration PERIOD = Duration.ofSeconds(2);
  static final int BATCH = 20;
  /** This instance's name in the outbox's claims (with the thread's id: under the column's 64 characters). */
  private final String instance = "instance-" + UUID.randomUUID().toString().substring(0, 8);

  @Inject ScoreOutbox outbox;
  @Inject AgsScoreSender sender;
  @Inject BackgroundJobs jobs;

  void onToolStarted(@Observes Startup.ToolStarted started) {
    // once per start: the name an operator finds in score_outbox.claimed_by, to tell which instance holds a claim
    LOG.info(() -> "Score delivery runs as " + instance + " (the name in score_outbox.claimed_by) on "
        + ProcessHandle.current().pid() + "@" + hostName());
    jobs.every(PERIOD, "send due scores to the platforms' gradebooks", this::deliverAll);
  }

  /** This instance's name in the outbox's claims. */
  String instanceName() {
    return instance;
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "this host";
    }
  }

  /** One run: batch after batch while full batches come back. */
  void deliverAll() {
    String worker = instance + "/thread-" + Thread.currentThread().getId();
    while (outbox.deliverDue(sender, worker, BATCH) == BATCH) {
      // more may be due: go on
    }
  }
}
