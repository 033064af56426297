package eu.somework.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.session.SessionTokens;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.HandClock;
import eu.somework.testsupport.MigratedDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Too many failed sign-ins from one address block it for a while, on every instance (two
 * {@link FailedSignIns} over one database stand for two instances); other addresses go on; the
 * address is stored only as a keyed hash. On H2 and PostgreSQL.
 */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class FailedSignInsTest {
  @Parameter DatabaseEngine engine;

  private final HandClock clock = new HandClock(Instant.parse("2027-03-01T12:00:00Z"));
  private MigratedDatabase db;
  private FailedSignIns instanceA;
  private FailedSignIns instanceB;

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(engine);
    instanceA = instance();
    instanceB = instance();
  }

  /** An instance of its own: its own objects, the shared database. */
  private FailedSignIns instance() {
    FailedSignIns failures = new FailedSignIns();
    failures.tx = db.transactor();
    failures.clock = clock;
    failures.secret = SessionTokens.over(db.transactor(), null);
    return failures;
  }

  @Test
  void anAddressIsBlockedAfterTheMaximumOfFailuresUntilTheWindowHasPassed() {
    for (int i = 0; i < FailedSignIns.MAX_FAILURES - 1; i++) {
      instanceA.failed("192.0.2.1");
    }
    assertTrue(instanceA.blocked("192.0.2.1").isEmpty(), "one failure short of the limit");
    instanceA.failed("192.0.2.1");
    assertEquals(FailedSignIns.WINDOW, instanceA.blocked("192.0.2.1").orElseThrow());
    assertTrue(instanceA.blocked("192.0.2.2").isEmpty(), "another address is not blocked");

    clock.advance(Duration.ofMinutes(5));
    assertEquals(FailedSignIns.WINDOW.minusMinutes(5), instanceA.blocked("192.0.2.1").orElseThrow());
    clock.advance(FailedSignIns.WINDOW);
    assertTrue(instanceA.blocked("192.0.2.1").isEmpty(), "the window has passed");
  }

  @Test
  void failuresOnTwoInstancesAddUpAndBlockTheAddressOnBoth() {
    for (int i = 0; i < FailedSignIns.MAX_FAILURES / 2; i++) {
      instanceA.failed("192.0.2.3");
      instanceB.failed("192.0.2.3");
    }
    assertEquals(FailedSignIns.WINDOW, instanceA.blocked("192.0.2.3").orElseThrow());
    assertEquals(FailedSignIns.WINDOW, instanceB.blocked("192.0.2.3").orElseThrow());
  }

  @Test
  void aFailureAfterTheWindowStartsTheCountAfresh() {
    for (int i = 0; i < FailedSignIns.MAX_FAILURES - 1; i++) {
      instanceA.failed("192.0.2.4");
    }
    clock.advance(FailedSignIns.WINDOW);
    instanceB.failed("192.0.2.4");
    assertTrue(instanceA.blocked("192.0.2.4").isEmpty(), "old failures no longer count");
    assertEquals(List.of(1), column("SELECT failures FROM failed_sign_in"));
  }

  @Test
  void anIpv6AddressCountsByItsSlash64() {
    for (int i = 0; i < FailedSignIns.MAX_FAILURES; i++) {
      instanceA.failed("2001:db8:1:2::" + Integer.toHexString(i + 1));
    }
    assertTrue(instanceB.blocked("2001:db8:1:2:ffff::9").isPresent(), "the whole /64 is blocked");
    assertTrue(instanceB.blocked("2001:db8:1:3::1").isEmpty(), "the next /64 is not");
  }

  @Test
  void theAddressIsStoredOnlyAsAKeyedHash() {
    instanceA.failed("192.0.2.5");
    List<Object> keys = column("SELECT address_hash FROM failed_sign_in");
    assertEquals(1, keys.size());
    String key = (String) keys.get(0);
    assertTrue(key.matches("[0-9a-f]{64}"), key);
    assertFalse(key.equals(eu.somework.session.RandomTokens.sha256("192.0.2.5")), "not a plain SHA-256");
  }

  @Test
  void thePurgeDeletesCountsWhoseWindowHasPassedAndKeepsTheOthers() {
    instanceA.failed("192.0.2.6");
    clock.advance(Duration.ofMinutes(10));
    instanceA.failed("192.0.2.7");
    clock.advance(Duration.ofMinutes(5));

    assertEquals(1, instanceB.purgeExpired());

    assertEquals(1, column("SELECT failures FROM failed_sign_in").size());
    instanceA.failed("192.0.2.7");
    assertEquals(List.of(2), column("SELECT failures FROM failed_sign_in"), "the live count goes on");
  }

  @SuppressWarnings("unchecked")
  private List<Object> column(String sql) {
    return db.inTransaction(em -> (List<Object>) em.createNativeQuery(sql).getResultList()).stream()
        .map(v -> v instanceof Number n && !(v instanceof Integer) ? (Object) n.intValue() : v).toList();
  }
}
