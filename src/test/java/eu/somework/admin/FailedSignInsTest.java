package eu.somework.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Too many failed sign-ins from one address block it for a while; other addresses go on. */
class FailedSignInsTest {
  private final AtomicLong nanos = new AtomicLong();
  private final FailedSignIns failures = new FailedSignIns(nanos::get);

  @Test
  void anAddressIsBlockedAfterTheMaximumOfFailuresUntilTheWindowHasPassed() {
    for (int i = 0; i < FailedSignIns.MAX_FAILURES - 1; i++) {
      failures.failed("192.0.2.1");
    }
    assertTrue(failures.blocked("192.0.2.1").isEmpty(), "one failure short of the limit");
    failures.failed("192.0.2.1");
    Duration wait = failures.blocked("192.0.2.1").orElseThrow();
    assertEquals(FailedSignIns.WINDOW, wait);
    assertTrue(failures.blocked("192.0.2.2").isEmpty(), "another address is not blocked");

    nanos.addAndGet(Duration.ofMinutes(5).toNanos());
    assertEquals(FailedSignIns.WINDOW.minusMinutes(5), failures.blocked("192.0.2.1").orElseThrow());
    nanos.addAndGet(FailedSignIns.WINDOW.toNanos());
    assertTrue(failures.blocked("192.0.2.1").isEmpty(), "the window has passed");
  }
}
