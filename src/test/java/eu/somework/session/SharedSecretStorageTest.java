package eu.somework.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Secrets the tool's instances share, stored and read back on H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class SharedSecretStorageTest {
  @Parameter DatabaseEngine engine;

  private MigratedDatabase db;

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(engine);
  }

  @Test
  void storedSecretIsReadBackWithItsCreationTime() {
    String secret = RandomTokens.next();
    Instant created = Instant.parse("2026-11-22T17:30:00.123Z");
    db.run(em -> em.persist(new SharedSecret("session-token-key", secret, false, created)));

    SharedSecret stored = db.inTransaction(em -> em.find(SharedSecret.class, "session-token-key"));
    Instant storedCreated = db.inTransaction(em -> em.createQuery(
        "select s.createdAt from SharedSecret s", Instant.class).getSingleResult());

    assertEquals(secret, stored.secret());
    assertEquals(created, storedCreated);
  }

  @Test
  void anUnknownNameHasNoSecret() {
    db.run(em -> em.persist(new SharedSecret("session-token-key", RandomTokens.next(), false, Instant.now())));

    assertNull(db.inTransaction(em -> em.find(SharedSecret.class, "other")));
  }

  @Test
  void aSecondSecretUnderTheSameNameIsRefused() {
    String first = RandomTokens.next();
    db.run(em -> em.persist(new SharedSecret("session-token-key", first, false, Instant.now())));

    // two instances starting at once: one wins, the other must read the winner's secret
    assertThrows(PersistenceException.class, () -> db.run(em -> em.persist(
        new SharedSecret("session-token-key", RandomTokens.next(), false, Instant.now()))));
    assertEquals(first, db.inTransaction(em -> em.find(SharedSecret.class, "session-token-key")).secret());
  }
}
