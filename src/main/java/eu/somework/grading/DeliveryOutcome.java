package eu.somework.grading;

import java.time.Duration;
import java.util.Optional;

/**
 * What one attempt to send a score came to. The sender decides from the platform's answer; the
 * outbox only records it and schedules what follows.
 */
public sealed interface DeliveryOutcome {
  /** The platform's HTTP status, when it answered at all. */
  Optional<Integer> status();

  /** The platform took the score (2xx). */
  record Delivered(int code) implements DeliveryOutcome {
    @Override
    public Optional<Integer> status() {
      return Optional.of(code);
    }
  }

  /**
   * Worth trying again later: 5xx, 429, a timeout, a refused or dropped connection, no access token.
   * {@code retryAfter} is the platform's {@code Retry-After}, when it gave one.
   */
  record RetryLater(Optional<Integer> status, String reason, Optional<Duration> retryAfter)
      implements DeliveryOutcome {}

  /** The platform refused this score for good (a 4xx): shown to the teacher with its reason. */
  record Refused(int code, String reason) implements DeliveryOutcome {
    @Override
    public Optional<Integer> status() {
      return Optional.of(code);
    }
  }

  /** The platform holds a newer score for the user (409): recorded, not retried. */
  record Outdated(int code) implements DeliveryOutcome {
    @Override
    public Optional<Integer> status() {
      return Optional.of(code);
    }
  }
}
