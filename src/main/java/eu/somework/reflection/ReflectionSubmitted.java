package eu.somework.reflection;

/**
 * A CDI event: a student submitted a new version of a reflection. Fired synchronously inside the
 * submitting transaction, so an observer's writes (grading's "Submitted / PendingManual" score)
 * are committed with the version or not at all. Submitting the same text again fires nothing.
 */
public record ReflectionSubmitted(Reflections.SubmittedVersion version) {}
