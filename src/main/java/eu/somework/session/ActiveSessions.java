package eu.somework.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.TreeMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The tool sessions this instance issued that have not expired yet, on {@code /metrics}
 * ({@code somework_sessions_active}). A session is a signed token, not a server-side record, and
 * there is no logout: a session is active from its launch until it expires, so counting the tokens
 * issued whose expiry is still ahead is exact. Per instance and since its start: add the instances'
 * figures for the tool's; after a restart the figure starts from zero while older tokens still work.
 *
 * <p>Kept as counts per minute of expiry (at most one entry per minute of a session's lifetime), so
 * the figure may include sessions that expired within the last minute.
 */
@ApplicationScoped
public class ActiveSessions {
  static final String ACTIVE = "somework_sessions_active";

  @Inject Clock clock;
  @Inject MetricRegistry registry;
  private final TreeMap<Long, Long> expiringPerMinute = new TreeMap<>();

  /** Counting on the given clock, outside a container (tests). */
  public static ActiveSessions on(Clock clock) {
    ActiveSessions sessions = new ActiveSessions();
    sessions.clock = clock;
    return sessions;
  }

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    registry.gauge(Metadata.builder().withName(ACTIVE)
        .withDescription("Tool sessions this instance issued since it started that have not expired").build(),
        this::count);
  }

  /** A session was issued that expires at {@code expiresAt}. */
  public synchronized void started(Instant expiresAt) {
    expiringPerMinute.merge(minuteOf(expiresAt), 1L, Long::sum);
  }

  /** The sessions issued here whose expiry is not over yet (to the minute). */
  public synchronized long count() {
    long now = minuteOf(clock.instant());
    expiringPerMinute.headMap(now).clear(); // expired before this minute
    return expiringPerMinute.values().stream().mapToLong(Long::longValue).sum();
  }

  private static long minuteOf(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), 60);
  }
}
