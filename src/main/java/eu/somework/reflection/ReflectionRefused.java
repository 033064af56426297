package eu.somework.reflection;

/**
 * A request about reflections the rules refuse, with the reason a page can show ({@link Reason#messageKey()}
 * in {@code i18n/messages}) and the HTTP status it answers with.
 */
public final class ReflectionRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a request was refused. */
  public enum Reason {
    /** No such reflection or comment in the viewer's course, or one they may not read: the same answer, so ids reveal nothing. */
    NOT_FOUND(404, "reflection.notFound"),
    /** The comment exists and is readable, but the viewer is neither its author, the reflection's author nor a teacher. */
    NOT_YOURS(403, "blog.removeForbidden"),
    /** A submission without a single word. */
    NOTHING_TO_SUBMIT(400, "reflection.empty"),
    /** A comment without text. */
    EMPTY_COMMENT(400, "blog.commentEmpty"),
    /** A comment over {@link ReflectionComment#MAX_LENGTH} characters. */
    COMMENT_TOO_LONG(400, "blog.commentTooLong"),
    /** Only a student with a user id in a course writes reflections. */
    NOT_A_WRITER(403, "reflection.studentsOnly"),
    /** A draft save based on a version another window or device has since replaced: nothing is stored. */
    DRAFT_CHANGED(409, "reflection.changedElsewhere");

    private final int status;
    private final String messageKey;

    Reason(int status, String messageKey) {
      this.status = status;
      this.messageKey = messageKey;
    }

    public int status() {
      return status;
    }

    public String messageKey() {
      return messageKey;
    }
  }

  private final Reason reason;

  public ReflectionRefused(Reason reason) {
    super(reason.name());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
