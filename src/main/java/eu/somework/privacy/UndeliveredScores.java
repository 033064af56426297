package eu.somework.privacy;

/**
 * What an erasure does with the person's scores that have not reached the gradebook (waiting for
 * an attempt, or refused by the platform and waiting for a teacher's retry). A grade must never
 * fail to reach the gradebook unnoticed, so the administrator chooses.
 */
public enum UndeliveredScores {
  /** Erase nothing while such a score exists ({@link ErasureRefused}); wait for delivery, then ask again. */
  REFUSE,
  /**
   * Cancel them: they are deleted unsent and listed in the {@link ErasureReport} (link, unit,
   * points), so the teacher can enter them in the gradebook by hand if they are still owed. A
   * score being sent at this very moment (a worker's claim, at most two minutes) still refuses the erasure.
   */
  WITHDRAW
}
