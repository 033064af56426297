package eu.somework.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The login limit per client address: a burst of the per-minute rate, then one permit per share of a minute. */
class AddressRateLimitTest {
  final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  AddressRateLimit limit(int perMinute) {
    return new AddressRateLimit(perMinute, 1000, nanos::get);
  }

  void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }

  @Test
  void theDefaultSixtyPerMinuteLetsAClassroomBurstThrough() {
    AddressRateLimit limit = limit(60);
    for (int i = 0; i < 60; i++) {
      assertEquals(Optional.empty(), limit.tryAcquire("192.0.2.10"), "login " + (i + 1));
    }

    assertEquals(Optional.of(Duration.ofSeconds(1)), limit.tryAcquire("192.0.2.10"));
  }

  @Test
  void overTheLoweredLimitTheWaitIsSaid() {
    AddressRateLimit limit = limit(3);
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.empty(), limit.tryAcquire("192.0.2.10"));
    }

    assertEquals(Optional.of(Duration.ofSeconds(20)), limit.tryAcquire("192.0.2.10"));
    advance(Duration.ofSeconds(5));
    assertEquals(Optional.of(Duration.ofSeconds(15)), limit.tryAcquire("192.0.2.10"));
  }

  @Test
  void aPermitComesBackAfterItsShareOfAMinute() {
    AddressRateLimit limit = limit(3);
    for (int i = 0; i < 3; i++) {
      limit.tryAcquire("192.0.2.10");
    }

    advance(Duration.ofSeconds(19));
    assertTrue(limit.tryAcquire("192.0.2.10").isPresent());
    advance(Duration.ofSeconds(1));
    assertEquals(Optional.empty(), limit.tryAcquire("192.0.2.10"));
    assertTrue(limit.tryAcquire("192.0.2.10").isPresent());
  }

  @Test
  void refusedRequestsDoNotPostponeTheNextPermit() {
    AddressRateLimit limit = limit(3);
    for (int i = 0; i < 50; i++) {
      limit.tryAcquire("192.0.2.10");
    }

    advance(Duration.ofSeconds(20));
    assertEquals(Optional.empty(), limit.tryAcquire("192.0.2.10"));
  }

  @Test
  void anotherAddressHasItsOwnLimit() {
    AddressRateLimit limit = limit(1);
    limit.tryAcquire("192.0.2.10");

    assertTrue(limit.tryAcquire("192.0.2.10").isPresent());
    assertEquals(Optional.empty(), limit.tryAcquire("192.0.2.11"));
  }

  @Test
  void anIpv6HostCountsByItsSlash64() {
    AddressRateLimit limit = limit(1);
    limit.tryAcquire("2001:db8:1:2::1");

    assertTrue(limit.tryAcquire("2001:db8:1:2:ffff::7").isPresent(), "same /64");
    assertTrue(limit.tryAcquire("[2001:db8:1:2::9]").isPresent(), "same /64, bracketed");
    assertEquals(Optional.empty(), limit.tryAcquire("2001:db8:1:3::1"), "another /64");
  }

  @Test
  void addressKeys() {
    assertEquals("192.0.2.10", AddressRateLimit.key("192.0.2.10"));
    assertEquals("20010db800010002::/64", AddressRateLimit.key("2001:db8:1:2::1"));
    assertEquals("127.0.0.1", AddressRateLimit.key("::ffff:127.0.0.1"));
  }
}
