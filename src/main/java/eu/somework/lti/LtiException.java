package eu.somework.lti;

import java.util.List;
import java.util.Optional;

/**
 * A refused login or launch. The message is precise and safe to show to a user: it names the
 * check that failed and never contains a token.
 */
public final class LtiException extends Exception {
  private static final long serialVersionUID = 1L;
  private final LtiFailure failure;
  private final String reasonCode;
  private final List<String> reasonArguments;

  public LtiException(LtiFailure failure, String message) {
    this(failure, message, null, null, List.of());
  }

  public LtiException(LtiFailure failure, String message, Throwable cause) {
    this(failure, message, cause, null, List.of());
  }

  private LtiException(LtiFailure failure, String message, Throwable cause, String reasonCode,
      List<String> reasonArguments) {
    super(message, cause);
    this.failure = failure;
    this.reasonCode = reasonCode;
    this.reasonArguments = reasonArguments;
  }

  /**
   * A refusal whose reason also has a stable code, so that a page can show it in the reader's
   * language; the English message stays for logs and API answers.
   *
   * @param code a short name of the check that failed, e.g. {@code "scheme"}
   * @param arguments the values the reason names (never a token)
   */
  public static LtiException coded(LtiFailure failure, String code, String message, String... arguments) {
    return new LtiException(failure, message, null, code, List.of(arguments));
  }

  /** The code of the reason, when the check that failed gave one ({@link #coded}). */
  public Optional<String> reasonCode() {
    return Optional.ofNullable(reasonCode);
  }

  /** The values the coded reason names, in order; empty without a code. */
  public List<String> reasonArguments() {
    return reasonArguments;
  }

  public LtiFailure failure() {
    return failure;
  }

  public int httpStatus() {
    return failure.httpStatus();
  }
}
