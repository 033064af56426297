package eu.somework.reflection;

/** Who may read a student's submitted reflection besides its author. */
public enum Visibility {
  /** The course's teachers only (the default). */
  PRIVATE,
  /** The course's teachers and the cohort: listed in the course blog, open to comments. */
  SHARED;

  /** The visibility a form field names; anything else is {@code fallback}. */
  static Visibility parse(String value, Visibility fallback) {
    if (value == null) {
      return fallback;
    }
    for (Visibility v : values()) {
      if (v.name().equalsIgnoreCase(value.strip())) {
        return v;
      }
    }
    return fallback;
  }
}
