package eu.somework.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * The limit on failed administrator credentials (console password or API token) per client
 * address: after {@link #MAX_FAILURES} failures, every attempt from that address is refused (429)
 * until {@link #WINDOW} has passed since its last failure — also with the right password, so that
 * guessing gains nothing. Counted per instance in a Caffeine cache bounded in size, like
 * {@code launch.AddressRateLimit}; by the client's address
 * ({@code web.ClientAddress}: behind a trusted reverse proxy, the address it forwarded for).
 */
@ApplicationScoped
public class FailedSignIns {
  static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final Cache<String, Integer> failures;

  /** For the container: the system clock. */
  public FailedSignIns() {
    this(Ticker.systemTicker());
  }

  /** A limit on the given clock (tests). */
  FailedSignIns(Ticker ticker) {
    failures = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(WINDOW).ticker(ticker).build();
  }

  /** How long the address must wait before trying again; empty when it may try now. */
  public Optional<Duration> blocked(String address) {
    Integer count = failures.getIfPresent(String.valueOf(address));
    if (count == null || count < MAX_FAILURES) {
      return Optional.empty();
    }
    Duration age = failures.policy().expireAfterWrite().flatMap(p -> p.ageOf(String.valueOf(address)))
        .orElse(Duration.ZERO);
    Duration left = WINDOW.minus(age);
    return Optional.of(left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left);
  }

  /** Counts one failed attempt from the address. */
  public void failed(String address) {
    failures.asMap().merge(String.valueOf(address), 1, Integer::sum);
  }
}
