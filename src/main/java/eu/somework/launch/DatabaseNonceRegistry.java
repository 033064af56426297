package eu.somework.launch;

import eu.somework.lti.NonceRegistry;
import eu.somework.persistence.RaceRetry;
import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;

/**
 * Used nonces in the database. The insert itself decides, with no read before it: the primary key
 * (issuer, nonce) lets exactly one launch win, whichever instance it reaches.
 */
@ApplicationScoped
public class DatabaseNonceRegistry implements NonceRegistry {
  @Inject Transactor tx;
  @Inject Clock clock;

  /**
   * Inserts the nonce; a duplicate key is the replay. Inside the launch's unit of work the insert is
   * sent at once (flushed), so a replay is known before the launch goes on, and the unit then rolls
   * back with the refusal.
   */
  @Override
  public boolean markUsed(String issuer, String nonce, Instant keepUntil) {
    try {
      tx.run(em -> {
        em.persist(new UsedNonce(issuer, nonce, keepUntil));
        em.flush();
      });
      return true;
    } catch (PersistenceException e) {
      if (RaceRetry.isDuplicateKey(e)) {
        return false; // used before, or by another launch with this nonce that committed first
      }
      throw e;
    }
  }

  /**
   * Deletes the nonces kept past their id_token's expiry (a background job, not the launch): an
   * id_token that old is refused for its {@code exp} already. Returns how many.
   */
  int purgeExpired() {
    Instant now = clock.instant();
    return tx.inTransaction(em -> em.createQuery("delete from UsedNonce n where n.expiresAt < :now")
        .setParameter("now", now).executeUpdate());
  }
}
