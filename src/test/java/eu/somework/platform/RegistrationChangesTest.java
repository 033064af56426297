package eu.somework.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.lti.PlatformRegistration;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The registrations' generation from memory (as on H2, and on PostgreSQL while the feed listens):
 * raised after every change's commit, never before it and never for a rolled-back change, seen by
 * two "instances" of one process (two objects over one database), the same throughout a request
 * scope. The feed that follows other processes' changes: {@link RegistrationFeedTest}.
 */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class RegistrationChangesTest {
  private static final String ISSUER = "https://moodle.example.edu";

  @Parameter DatabaseEngine engine;

  private MigratedDatabase db;
  private PlatformDirectory directory;
  private RegistrationChanges instanceA;
  private RegistrationChanges instanceB;

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(engine);
    directory = new PlatformDirectory(db.transactor(), Clock.systemUTC());
    instanceA = RegistrationChanges.over(db.transactor());
    instanceB = RegistrationChanges.over(db.transactor());
  }

  @Test
  void everyChangeToARegistrationRaisesTheGenerationSeenByEveryInstance() {
    long before = instanceB.current();
    directory.save(moodle(), Registration.Origin.ADMIN, null);
    long saved = instanceB.current();
    assertTrue(saved > before, "saving raised it");
    long id = directory.summary(ISSUER, "client-1").orElseThrow().id();
    directory.switchTo(id, false);
    assertTrue(instanceB.current() > saved, "switching off raised it");
    assertEquals(instanceA.current(), instanceB.current(), "one number for all instances");
  }

  @Test
  void aChangeRaisesTheGenerationOnlyOnceItsTransactionCommitted() {
    long before = instanceB.current();
    long[] duringTheChange = new long[1];
    db.transactor().run(em -> {
      RegistrationChanges.recordIn(em);
      duringTheChange[0] = instanceB.current();
    });
    assertEquals(before, duringTheChange[0], "not before the commit: a reader could keep the old data under it");
    assertTrue(instanceB.current() > before, "after the commit");
  }

  @Test
  void aRolledBackChangeRaisesNothing() {
    long before = instanceB.current();
    assertThrows(IllegalStateException.class, () -> db.transactor().run(em -> {
      RegistrationChanges.recordIn(em);
      throw new IllegalStateException("the change failed");
    }));
    assertEquals(before, instanceB.current());
  }

  @Test
  void aChangeIsRecordedOnlyInsideAUnitOfWork() {
    EntityManager em = db.factory().createEntityManager();
    try {
      assertThrows(IllegalStateException.class, () -> RegistrationChanges.recordIn(em));
    } finally {
      em.close();
    }
  }

  @Test
  void readingChangesNothing() {
    long first = instanceA.current();
    assertEquals(first, instanceA.current());
    assertEquals(first, instanceB.current());
  }

  @Test
  void listenersRunOnceWhenTheInstanceFirstSeesANewGeneration() {
    AtomicInteger forgotten = new AtomicInteger();
    instanceB.onChange(forgotten::incrementAndGet);
    instanceB.current();
    assertEquals(0, forgotten.get(), "the first read is no change");
    directory.save(moodle(), Registration.Origin.ADMIN, null);
    instanceB.current();
    instanceB.current();
    assertEquals(1, forgotten.get());
  }

  @Test
  void aRequestScopeReadsTheGenerationOnce() {
    boolean opened = RegistrationChanges.openRequestScope();
    long inRequest;
    try {
      assertTrue(opened);
      assertFalse(RegistrationChanges.openRequestScope(), "a nested scope shares the outer one");
      inRequest = instanceB.current();
      directory.save(moodle(), Registration.Origin.ADMIN, null);
      assertEquals(inRequest, instanceB.current(), "the request keeps what it read");
    } finally {
      RegistrationChanges.closeRequestScope();
    }
    assertTrue(instanceB.current() > inRequest, "the next request reads the change");
  }

  @Test
  void aRegistrationSwitchedOffOnOneInstanceEndsOpenSessionsOnAnotherAtItsNextRequest() {
    directory.save(moodle(), Registration.Origin.ADMIN, null);
    RegistrationStatus statusB = RegistrationStatus.over(db.transactor());
    assertTrue(statusB.admitsSessions(ISSUER, "client-1"));
    long id = directory.summary(ISSUER, "client-1").orElseThrow().id();

    directory.switchTo(id, false); // on "instance A": B's kept answer is not forgotten
    assertFalse(statusB.admitsSessions(ISSUER, "client-1"), "refused at once, not after the kept answer's 5 s");
    directory.switchTo(id, true);
    assertTrue(statusB.admitsSessions(ISSUER, "client-1"), "admitted again at once");
  }

  private static PlatformRegistration moodle() {
    return new PlatformRegistration("Moodle", ISSUER, "client-1", Set.of("d1"), URI.create(ISSUER + "/auth"),
        URI.create(ISSUER + "/token"), URI.create(ISSUER + "/jwks"));
  }
}
