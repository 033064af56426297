package eu.somework.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.platform.SigningKey;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Find-or-insert retried after a lost insert race, and only then, on H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class RaceRetryTest {
  @Parameter DatabaseEngine engine;

  private MigratedDatabase db;
  private Transactor tx;
  private final AtomicInteger runs = new AtomicInteger();

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(engine);
    tx = db.transactor();
  }

  @Test
  void aLostInsertRaceIsRetriedAndTakesTheUpdatePath() {
    String outcome = RaceRetry.once(() -> tx.inTransaction(em -> {
      SigningKey found = em.find(SigningKey.class, "k1");
      if (runs.incrementAndGet() == 1) {
        // the other tab (another thread, its own unit) inserts the same row between our find and our commit
        CompletableFuture.runAsync(() -> db.run(other -> other.persist(key("k1", "tool")))).join();
      }
      if (found == null) {
        em.persist(key("k1", "tool"));
        return "inserted";
      }
      found.retire();
      return "updated";
    }));

    assertEquals("updated", outcome);
    assertEquals(2, runs.get());
  }

  @Test
  void aSecondLostRaceIsThrown() {
    db.run(em -> em.persist(key("k1", "tool")));

    PersistenceException thrown = assertThrows(PersistenceException.class, () -> RaceRetry.once(
        () -> tx.inTransaction(em -> {
          runs.incrementAndGet();
          em.persist(key("k1", "tool")); // never looks first: loses every time
          return null;
        })));

    assertTrue(RaceRetry.isDuplicateKey(thrown));
    assertEquals(2, runs.get());
  }

  @Test
  void anotherDatabaseErrorIsNotRetried() {
    PersistenceException thrown = assertThrows(PersistenceException.class, () -> RaceRetry.once(
        () -> tx.inTransaction(em -> {
          runs.incrementAndGet();
          em.persist(key("k1", "an owner name longer than its thirty-character column"));
          return null;
        })));

    assertFalse(RaceRetry.isDuplicateKey(thrown), thrown.toString());
    assertEquals(1, runs.get());
  }

  @Test
  void aFailureThatIsNotTheDatabasesIsNotRetried() {
    assertThrows(IllegalStateException.class, () -> RaceRetry.once(() -> {
      runs.incrementAndGet();
      throw new IllegalStateException("not a race", new RuntimeException("deeper"));
    }));

    assertEquals(1, runs.get());
  }

  @Test
  void insideAnOpenUnitTheWorkRunsOnceAndTheOutermostCallerSeesTheFailure() {
    db.run(em -> em.persist(key("k1", "tool")));

    PersistenceException thrown = assertThrows(PersistenceException.class, () -> tx.run(outer ->
        RaceRetry.once(() -> tx.inTransaction(em -> {
          runs.incrementAndGet();
          em.persist(key("k1", "tool"));
          return null;
        }))));

    assertTrue(RaceRetry.isDuplicateKey(thrown));
    assertEquals(1, runs.get());
  }

  private static SigningKey key(String kid, String owner) {
    return new SigningKey(kid, owner, SigningKey.Status.CURRENT, "{}", false, Instant.now());
  }
}
