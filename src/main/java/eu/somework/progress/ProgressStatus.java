package eu.somework.progress;

/**
 * How far a learner is with a unit, in the order it happens. Reading is recorded now; the
 * reflection states are set by the reflection and grading features when they arrive.
 */
public enum ProgressStatus {
  NOT_STARTED,
  READ,
  REFLECTION_DRAFT,
  SUBMITTED,
  GRADED;

  public boolean isBefore(ProgressStatus other) {
    return ordinal() < other.ordinal();
  }
}
