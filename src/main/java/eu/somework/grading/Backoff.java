package eu.somework.grading;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a score again: exponential backoff with jitter ("equal jitter": half the step fixed,
 * half random, so instances that failed together do not retry together), from {@code first} doubling
 * up to {@code cap}; a platform's {@code Retry-After} is honoured when it asks for longer.
 *
 * <p>Not a retry library's policy (e.g. Failsafe's): those retry within one call in memory, while a
 * score must wait in the database across restarts and instances, so only the delay is computed here.
 */
public final class Backoff {
  private final Duration first;
  private final Duration cap;
  private final DoubleSupplier random;

  /**
   * @param first the delay after the first failed attempt (before jitter)
   * @param cap the longest delay (before jitter)
   * @param random numbers in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble}
   */
  public Backoff(Duration first, Duration cap, DoubleSupplier random) {
    this.first = first;
    this.cap = cap;
    this.random = random;
  }

  /** The delay after the {@code attempts}-th failed attempt (1 for the first). */
  public Duration after(int attempts, Optional<Duration> retryAfter) {
    long step = first.toMillis();
    for (int i = 1; i < attempts && step < cap.toMillis(); i++) {
      step *= 2;
    }
    step = Math.min(step, cap.toMillis());
    long half = step / 2;
    Duration jittered = Duration.ofMillis(half + (long) (random.getAsDouble() * (step - half)));
    return retryAfter.filter(asked -> asked.compareTo(jittered) > 0)
        .map(asked -> asked.compareTo(cap) > 0 ? cap : asked)
        .orElse(jittered);
  }
}
