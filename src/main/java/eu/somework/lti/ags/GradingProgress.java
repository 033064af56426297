package eu.somework.lti.ags;

/**
 * Where grading is (AGS 2.0 §3.4.8); the JSON value is the constant's name. Platforms keep
 * {@code scoreGiven} only with {@link #FullyGraded} (Moodle ignores it otherwise).
 */
public enum GradingProgress {
  /** Final: the score is the grade. */
  FullyGraded,
  /** Grading is under way, without a person. */
  Pending,
  /** Waiting for a person to grade (a teacher's rubric). */
  PendingManual,
  /** Grading could not be done. */
  Failed,
  /** No grading yet. */
  NotReady
}
