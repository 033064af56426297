package eu.somework.lti.ags;

/** Where the learner is with the activity (AGS 2.0 §3.4.7); the JSON value is the constant's name. */
public enum ActivityProgress {
  /** Nothing done yet (the platform may clear the score). */
  Initialized,
  /** Begun. */
  Started,
  /** Being worked on. */
  InProgress,
  /** Handed in; may still change. */
  Submitted,
  /** Finished. */
  Completed
}
