package eu.somework.simulator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The nonces of the Deep Linking responses the simulator accepted, so that one response posted
 * twice adds its activities once, as a platform must (Deep Linking 2.0 §4.5: the nonce guards
 * against replay). Kept in memory for longer than any response lives: the simulator is one
 * instance for development, never production.
 */
@ApplicationScoped
public class ReceivedDeepLinks {
  /** Longer than a response's lifetime (the tool signs for 5 minutes) plus clock skew. */
  static final Duration KEPT = Duration.ofMinutes(15);

  private final Cache<String, Boolean> seen = Caffeine.newBuilder().expireAfterWrite(KEPT).maximumSize(100_000).build();

  /** True the first time {@code nonce} is offered, false for every later time. */
  public boolean firstTime(String nonce) {
    return seen.asMap().putIfAbsent(nonce, Boolean.TRUE) == null;
  }
}
