package eu.somework.launch;

import eu.somework.jobs.BackgroundJobs;
import eu.somework.platform.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Every minute, deletes the login states and used nonces that have expired, so that the launch
 * itself only inserts and reads. Expired rows are refused whether or not they are still there;
 * the purge only keeps the tables small.
 */
@ApplicationScoped
public class ExpiredLoginPurge {
  static final Duration PERIOD = Duration.ofMinutes(1);
  private static final Logger LOG = Logger.getLogger(ExpiredLoginPurge.class.getName());

  @Inject LoginStates states;
  @Inject DatabaseNonceRegistry nonces;
  @Inject BackgroundJobs jobs;

  void onToolStarted(@Observes Startup.ToolStarted started) {
    jobs.every(PERIOD, "delete expired login states and used nonces", this::purge);
  }

  /** One run of the job: both deletes, each in its own transaction. */
  void purge() {
    int loginStates = states.purgeExpired();
    int usedNonces = nonces.purgeExpired();
    if (loginStates + usedNonces > 0) {
      LOG.fine(() -> "Deleted " + loginStates + " expired login state(s) and " + usedNonces + " used nonce(s).");
    }
  }
}
