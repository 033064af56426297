package eu.somework.launch;

import eu.somework.jobs.BackgroundJobs;
import eu.somework.jobs.ExpiredRows;
import eu.somework.platform.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Every minute, deletes the login states and used nonces that have expired, so that the launch
 * itself only inserts and reads, and the other features' expired rows ({@link ExpiredRows}, e.g.
 * the administrators' failed sign-ins). Expired rows are refused whether or not they are still
 * there; the purge only keeps the tables small.
 */
@ApplicationScoped
public class ExpiredLoginPurge {
  static final Duration PERIOD = Duration.ofMinutes(1);
  private static final Logger LOG = Logger.getLogger(ExpiredLoginPurge.class.getName());

  @Inject LoginStates states;
  @Inject DatabaseNonceRegistry nonces;
  @Inject BackgroundJobs jobs;
  @Inject @Any Instance<ExpiredRows> others;

  void onToolStarted(@Observes Startup.ToolStarted started) {
    jobs.every(PERIOD, "delete expired login states, used nonces and other expired rows", this::purge);
  }

  /** One run of the job: every delete in its own transaction. */
  void purge() {
    int loginStates = states.purgeExpired();
    int usedNonces = nonces.purgeExpired();
    int other = 0;
    if (others != null) {
      for (ExpiredRows rows : others) {
        other += rows.purgeExpired();
      }
    }
    int otherRows = other;
    if (loginStates + usedNonces + otherRows > 0) {
      LOG.fine(() -> "Deleted " + loginStates + " expired login state(s), " + usedNonces + " used nonce(s) and "
          + otherRows + " other expired row(s).");
    }
  }
}
