package eu.somework.lti;

import java.time.Instant;
import java.util.Optional;

/**
 * What became of one call to a platform service (AGS 2.0, NRPS 2.0), classified for a caller that
 * must decide what to do next — typically a durable outbox:
 *
 * <ul>
 *   <li>{@link Delivered}: the platform accepted the request (2xx); {@code value} is what it
 *       answered, read and checked.
 *   <li>{@link RetryLater}: nothing is wrong with the request; try again later — a timeout, a
 *       refused or dropped connection, HTTP 408, 429 or any 5xx. {@code retryAt} is the moment
 *       the platform's {@code Retry-After} named (seconds or HTTP-date), when it sent one.
 *   <li>{@link Failed}: the platform refused the request for good — any other 4xx (e.g. Moodle's
 *       400 "Incorrect score received" for a user who is not a gradable student; 409 when it
 *       already holds a newer score), a redirect (never followed), or an answer over the size
 *       cap. Repeating the same request would get the same answer.
 *   <li>{@link TokenRejected}: HTTP 401: the access token is not (or no longer) accepted. Ask the
 *       token endpoint for a new token once and repeat; a second 401 is a failure to report.
 * </ul>
 *
 * <p>Reasons are short plain text, safe to show a teacher and to log: the platform's own message
 * when it gave one (cut to {@value ServiceCall#MAX_REASON_CHARS} characters, with anything that
 * looks like a token masked), never the access token. Immutable.
 *
 * @param <T> what a delivered call yields
 */
public sealed interface ServiceResult<T> {

  /** The platform accepted the request; {@code value} may be null where a call yields nothing. */
  record Delivered<T>(T value) implements ServiceResult<T> {}

  /** Try again later: at {@code retryAt} if the platform said when, else after the caller's backoff. */
  record RetryLater<T>(String reason, Optional<Instant> retryAt) implements ServiceResult<T> {}

  /**
   * The platform refused the request for good: {@code status} is its HTTP status, {@code reason}
   * its message (or what the tool found wrong with the answer).
   */
  record Failed<T>(int status, String reason) implements ServiceResult<T> {}

  /** HTTP 401: refresh the access token once and repeat the request. */
  record TokenRejected<T>(String reason) implements ServiceResult<T> {}

  /** True for {@link Delivered}. */
  default boolean isDelivered() {
    return this instanceof Delivered;
  }

  /**
   * The delivered value transformed by {@code f}; any other outcome unchanged (retyped). {@code f}
   * may throw {@link LtiException} when the value is not what the specification describes.
   */
  default <U> ServiceResult<U> map(Mapping<? super T, U> f) throws LtiException {
    if (this instanceof Delivered<T> delivered) {
      return new Delivered<>(f.apply(delivered.value()));
    }
    return retyped();
  }

  /** A non-delivered outcome as the outcome of another call type; a delivered one is refused. */
  default <U> ServiceResult<U> retyped() {
    if (this instanceof RetryLater<T> r) {
      return new RetryLater<>(r.reason(), r.retryAt());
    }
    if (this instanceof Failed<T> f) {
      return new Failed<>(f.status(), f.reason());
    }
    if (this instanceof TokenRejected<T> t) {
      return new TokenRejected<>(t.reason());
    }
    throw new IllegalStateException("a delivered result carries a value and cannot be retyped");
  }

  /**
   * The delivered value, for callers without an outbox (a page that shows the roster).
   *
   * @throws LtiException {@link LtiFailure#SERVICE_ANSWER_INVALID} naming the outcome and its
   *     reason, for every outcome other than {@link Delivered}
   */
  default T orThrow() throws LtiException {
    if (this instanceof Delivered<T> delivered) {
      return delivered.value();
    }
    throw new LtiException(LtiFailure.SERVICE_ANSWER_INVALID, "The platform's service did not deliver: "
        + describe() + ".");
  }

  /** One line for a log or a teacher's status list, e.g. "failed (HTTP 400): Incorrect score received". */
  default String describe() {
    if (this instanceof RetryLater<T> r) {
      return "retry later: " + r.reason() + r.retryAt().map(at -> " (not before " + at + ")").orElse("");
    }
    if (this instanceof Failed<T> f) {
      return "failed (HTTP " + f.status() + "): " + f.reason();
    }
    if (this instanceof TokenRejected<T> t) {
      return "access token rejected: " + t.reason();
    }
    return "delivered";
  }

  /** A transformation of a delivered value that may find the value malformed. */
  @FunctionalInterface
  interface Mapping<A, B> {
    /**
     * @throws LtiException {@link LtiFailure#SERVICE_ANSWER_INVALID} when {@code value} is not what
     *     the specification describes
     */
    B apply(A value) throws LtiException;
  }
}
