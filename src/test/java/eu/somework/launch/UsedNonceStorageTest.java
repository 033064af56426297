package eu.somework.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Used nonces on H2 and PostgreSQL: the primary key is what refuses a replayed launch. */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class UsedNonceStorageTest {
  private static final String MOODLE = "https://moodle.example.edu";
  private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

  @Parameter DatabaseEngine engine;

  private MigratedDatabase db;
  private DatabaseNonceRegistry registry;

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(engine);
    registry = new DatabaseNonceRegistry();
    registry.tx = db.transactor();
    registry.clock = Clock.fixed(NOW, ZoneOffset.UTC);
  }

  @Test
  void aNonceIsAcceptedOnce() {
    assertTrue(registry.markUsed(MOODLE, "nonce-1", Instant.now().plusSeconds(600)));
  }

  @Test
  void theSameNonceFromTheSameIssuerIsRefusedTheSecondTime() {
    registry.markUsed(MOODLE, "nonce-1", Instant.now().plusSeconds(600));

    assertFalse(registry.markUsed(MOODLE, "nonce-1", Instant.now().plusSeconds(600)));
  }

  @Test
  void aReplayedNonceLeavesNoDatabaseErrorInTheLog() {
    registry.markUsed(MOODLE, "nonce-logged-1", Instant.now().plusSeconds(600));
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        records.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger eclipseLink = Logger.getLogger("org.eclipse.persistence");
    eclipseLink.addHandler(capture);
    try {
      assertFalse(registry.markUsed(MOODLE, "nonce-logged-1", Instant.now().plusSeconds(600)));
    } finally {
      eclipseLink.removeHandler(capture);
    }
    List<String> logged = records.stream().map(r -> r.getLoggerName() + " " + r.getLevel() + " " + r.getMessage()
        + (r.getThrown() == null ? "" : " " + r.getThrown())).toList();
    assertTrue(logged.stream().noneMatch(line -> line.contains("nonce-logged-1") || line.contains("EclipseLink-4002")
        || line.contains("23505")), logged.toString());
  }

  @Test
  void theSameNonceFromAnotherIssuerIsAccepted() {
    registry.markUsed(MOODLE, "nonce-1", Instant.now().plusSeconds(600));

    assertTrue(registry.markUsed("https://canvas.example.edu", "nonce-1", Instant.now().plusSeconds(600)));
  }

  @Test
  void theDatabaseItselfRefusesASecondRowForTheSameIssuerAndNonce() {
    Instant keep = Instant.now().plusSeconds(600);
    db.run(em -> em.persist(new UsedNonce(MOODLE, "nonce-1", keep)));

    // what decides when two instances accept the same launch at once
    assertThrows(PersistenceException.class,
        () -> db.run(em -> em.persist(new UsedNonce(MOODLE, "nonce-1", keep))));
    assertEquals(1L, rows());
  }

  @Test
  void thePurgeDeletesNoncesKeptPastTheirTimeAndKeepsTheOthers() {
    db.run(em -> em.persist(new UsedNonce(MOODLE, "old", NOW.minusMillis(1))));
    registry.markUsed(MOODLE, "live", NOW.plusSeconds(600));

    assertEquals(1, registry.purgeExpired());

    assertEquals(1L, rows());
    assertFalse(registry.markUsed(MOODLE, "live", NOW.plusSeconds(600)), "a live nonce is still refused");
  }

  @Test
  void keepUntilTimeSurvivesToTheMillisecond() {
    Instant keep = Instant.parse("2027-06-30T23:59:59.500Z");
    db.run(em -> em.persist(new UsedNonce(MOODLE, "nonce-1", keep)));

    Instant stored = db.inTransaction(em -> em.createQuery(
        "select n.expiresAt from UsedNonce n where n.nonce = 'nonce-1'", Instant.class).getSingleResult());

    assertEquals(keep, stored);
  }

  private long rows() {
    return db.inTransaction(em -> em.createQuery("select count(n) from UsedNonce n", Long.class).getSingleResult());
  }
}
