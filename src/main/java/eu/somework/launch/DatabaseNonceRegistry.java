package eu.somework.launch;

import eu.somework.lti.NonceRegistry;
import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;

/**
 * Used nonces in the database. The insert itself decides: the primary key (issuer, nonce) lets
 * exactly one launch win, whichever instance it reaches.
 */
@ApplicationScoped
public class DatabaseNonceRegistry implements NonceRegistry {
  @Inject Transactor tx;
  @Inject Clock clock;

  @Override
  public boolean markUsed(String issuer, String nonce, Instant keepUntil) {
    if (exists(issuer, nonce)) {
      return false;
    }
    try {
      tx.run(em -> em.persist(new UsedNonce(issuer, nonce, keepUntil)));
      return true;
    } catch (PersistenceException e) {
      if (exists(issuer, nonce)) {
        return false; // another launch with this nonce committed first
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

  private boolean exists(String issuer, String nonce) {
    return tx.read(em -> em.createQuery(
            "select count(n) from UsedNonce n where n.issuer = :issuer and n.nonce = :nonce", Long.class)
        .setParameter("issuer", issuer)
        .setParameter("nonce", nonce)
        .getSingleResult()) > 0;
  }
}
