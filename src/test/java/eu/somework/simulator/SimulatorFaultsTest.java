package eu.somework.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The simulated platform's faults: on for the time asked, at most two hours, off when cleared. */
class SimulatorFaultsTest {
  private static final Instant T0 = Instant.parse("2027-03-01T12:00:00Z");

  private static SimulatorFaults at(MigratedDatabase db, Instant now) {
    return SimulatorFaults.over(db.transactor(), Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void aFaultLastsTheTimeAskedAndNoLongerThanTwoHours() {
    MigratedDatabase db = MigratedDatabase.emptied(DatabaseEngine.H2);
    at(db, T0).start(SimFault.Kind.SCORES_UNAVAILABLE, Duration.ofMinutes(5));
    at(db, T0).start(SimFault.Kind.TOKENS_REFUSED, Duration.ofDays(3));
    assertTrue(at(db, T0.plusSeconds(299)).active(SimFault.Kind.SCORES_UNAVAILABLE));
    assertFalse(at(db, T0.plusSeconds(300)).active(SimFault.Kind.SCORES_UNAVAILABLE));
    assertFalse(at(db, T0).active(SimFault.Kind.SCORES_TIMEOUT), "only what was asked for fails");
    assertEquals(T0.plus(SimulatorFaults.LONGEST), at(db, T0).current().get(1).until());
    assertEquals(1, at(db, T0.plusSeconds(600)).current().size(), "an ended fault is no longer listed");
  }

  @Test
  void clearingEndsEveryFault() {
    MigratedDatabase db = MigratedDatabase.emptied(DatabaseEngine.H2);
    at(db, T0).start(SimFault.Kind.SCORES_TIMEOUT, Duration.ofMinutes(5));
    at(db, T0).clear();
    assertFalse(at(db, T0).active(SimFault.Kind.SCORES_TIMEOUT));
  }
}
