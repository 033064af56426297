package eu.somework.lti;

/**
 * A refused login or launch. The message is precise and safe to show to a user: it names the
 * check that failed and never contains a token.
 */
public final class LtiException extends Exception {
  private static final long serialVersionUID = 1L;
  private final LtiFailure failure;

  public LtiException(LtiFailure failure, String message) {
    super(message);
    this.failure = failure;
  }

  public LtiException(LtiFailure failure, String message, Throwable cause) {
    super(message, cause);
    this.failure = failure;
  }

  public LtiFailure failure() {
    return failure;
  }

  public int httpStatus() {
    return failure.httpStatus();
  }
}
