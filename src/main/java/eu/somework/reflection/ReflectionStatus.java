package eu.somework.reflection;

/** Where a student's reflection stands. */
public enum ReflectionStatus {
  /** The current text has not been submitted: never, or revised since the last submission. */
  DRAFT,
  /** The current text is the latest submitted version. */
  SUBMITTED
}
