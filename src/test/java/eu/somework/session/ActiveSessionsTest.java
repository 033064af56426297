package eu.somework.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.somework.testsupport.HandClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The active-sessions figure: sessions issued here whose expiry is still ahead. */
class ActiveSessionsTest {
  private static final Instant T0 = Instant.parse("2027-03-01T12:00:00Z");

  @Test
  void aSessionCountsUntilItExpires() {
    HandClock clock = new HandClock(T0);
    ActiveSessions sessions = ActiveSessions.on(clock);
    assertEquals(0, sessions.count());

    sessions.started(T0.plus(Duration.ofMinutes(240)));
    sessions.started(T0.plus(Duration.ofMinutes(240)));
    clock.advance(Duration.ofMinutes(100));
    sessions.started(clock.instant().plus(Duration.ofMinutes(240)));
    assertEquals(3, sessions.count());

    clock.advance(Duration.ofMinutes(141)); // the first two expired a minute ago
    assertEquals(1, sessions.count());
    clock.advance(Duration.ofMinutes(100));
    assertEquals(0, sessions.count());
  }
}
