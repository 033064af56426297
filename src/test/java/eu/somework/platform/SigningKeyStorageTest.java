package eu.somework.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The tool's signing keys, stored and read back on H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class SigningKeyStorageTest {
  private static final Instant CREATED = Instant.parse("2026-10-25T00:59:59.001Z"); // before EU winter time
  private static RSAKey key;

  @Parameter DatabaseEngine engine;

  private MigratedDatabase db;

  @BeforeAll
  static void generateKey() throws JOSEException {
    key = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
  }

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(engine);
  }

  @Test
  void storedKeyIsReadBackAsItWasWritten() {
    db.run(em -> em.persist(
        new SigningKey(key.getKeyID(), KeyRing.TOOL, SigningKey.Status.NEXT, key.toJSONString(), false, CREATED)));

    SigningKey stored = db.inTransaction(em -> em.find(SigningKey.class, key.getKeyID()));
    Instant created = db.inTransaction(em -> em.createQuery(
        "select k.createdAt from SigningKey k where k.kid = :kid", Instant.class)
        .setParameter("kid", key.getKeyID()).getSingleResult());

    assertEquals(SigningKey.Status.NEXT, stored.status());
    assertEquals(key.toJSONString(), stored.storedJwk());
    assertFalse(stored.isEncrypted());
    assertEquals(CREATED, created);
  }

  @Test
  void promotionToCurrentIsStored() {
    db.run(em -> em.persist(
        new SigningKey(key.getKeyID(), KeyRing.TOOL, SigningKey.Status.NEXT, "{}", true, CREATED)));

    db.run(em -> em.find(SigningKey.class, key.getKeyID()).promoteToCurrent(CREATED.plusSeconds(60)));

    SigningKey stored = db.inTransaction(em -> em.find(SigningKey.class, key.getKeyID()));
    assertEquals(SigningKey.Status.CURRENT, stored.status());
    assertEquals(java.util.Optional.of(CREATED.plusSeconds(60)), stored.activateAt(), "when it began to sign");
    assertTrue(stored.isEncrypted());
  }

  @Test
  void aSecondKeyWithTheSameKidIsRefused() {
    db.run(em -> em.persist(
        new SigningKey(key.getKeyID(), KeyRing.TOOL, SigningKey.Status.CURRENT, "{}", false, CREATED)));

    assertThrows(PersistenceException.class, () -> db.run(em -> em.persist(
        new SigningKey(key.getKeyID(), "simulator", SigningKey.Status.NEXT, "{}", false, CREATED))));
    assertEquals(SigningKey.Status.CURRENT,
        db.inTransaction(em -> em.find(SigningKey.class, key.getKeyID())).status());
  }
}
