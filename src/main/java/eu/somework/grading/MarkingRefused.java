package eu.somework.grading;

/**
 * A marking that does not fit the unit's rubric or the reflection (a criterion missing or unknown,
 * points that are no level of the criterion, text too long, a version that is not submitted).
 * Its message is a key of the interface texts, so the page can say what to correct; nothing is saved.
 */
public class MarkingRefused extends RuntimeException {
  private final transient Object[] arguments;

  public MarkingRefused(String messageKey, Object... arguments) {
    super(messageKey);
    this.arguments = arguments.clone();
  }

  /** The interface text's key, e.g. {@code grading.error.points}. */
  public String messageKey() {
    return getMessage();
  }

  /** The values the text names (a criterion's name, a limit). */
  public Object[] arguments() {
    return arguments.clone();
  }
}
