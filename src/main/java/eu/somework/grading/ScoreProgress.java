package eu.somework.grading;

/**
 * What a score says of the work (AGS 2.0 §3.4.5, §3.4.6): the student's {@code activityProgress}
 * and the teacher's {@code gradingProgress}, as the two states the tool reports.
 */
public enum ScoreProgress {
  /** A reflection was submitted and waits for the teacher: Submitted / PendingManual, no score. */
  SUBMITTED("Submitted", "PendingManual"),
  /** The teacher released a grade: Completed / FullyGraded, with score and comment. */
  GRADED("Completed", "FullyGraded");

  private final String activityProgress;
  private final String gradingProgress;

  ScoreProgress(String activityProgress, String gradingProgress) {
    this.activityProgress = activityProgress;
    this.gradingProgress = gradingProgress;
  }

  /** The spec's {@code activityProgress} value. */
  public String activityProgress() {
    return activityProgress;
  }

  /** The spec's {@code gradingProgress} value. */
  public String gradingProgress() {
    return gradingProgress;
  }

  static ScoreProgress of(String activityProgress) {
    for (ScoreProgress progress : values()) {
      if (progress.activityProgress.equals(activityProgress)) {
        return progress;
      }
    }
    throw new IllegalArgumentException("Unknown activity progress: " + activityProgress);
  }
}
