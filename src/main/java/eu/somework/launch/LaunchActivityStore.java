package eu.somework.launch;

import eu.somework.persistence.RaceRetry;
import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The table {@code launch_activity}: counts are only ever added (never overwritten), so several
 * instances may store theirs at once. Each cell is an UPDATE that adds, or an INSERT when the row
 * does not exist yet; two instances inserting the same new row at once: the loser's whole
 * transaction is tried once more ({@link RaceRetry}) and then finds the row. Cells are written in one
 * order ({@link LaunchTally.Cell#compareTo}), so two flushes never wait for each other's rows in a
 * cycle.
 */
@ApplicationScoped
public class LaunchActivityStore {
  @Inject Transactor tx;

  /** The store over a transactor made outside the container, e.g. by a test. */
  static LaunchActivityStore over(Transactor tx) {
    LaunchActivityStore store = new LaunchActivityStore();
    store.tx = tx;
    return store;
  }

  /** Adds the counts to the stored ones, in one transaction: all or nothing. */
  void add(Map<LaunchTally.Cell, LaunchTally.Counts> counts) {
    Map<LaunchTally.Cell, LaunchTally.Counts> ordered = new TreeMap<>(counts);
    RaceRetry.once(() -> tx.inTransaction(em -> {
      ordered.forEach((cell, more) -> add(em, cell, more));
      return null;
    }));
  }

  private static void add(EntityManager em, LaunchTally.Cell cell, LaunchTally.Counts more) {
    int updated = em.createQuery("update LaunchActivityRow r set r.occurrences = r.occurrences + :more"
            + " where r.issuer = :issuer and r.clientId = :clientId and r.deploymentId = :deploymentId"
            + " and r.outcome = :outcome")
        .setParameter("more", more.count())
        .setParameter("issuer", cell.issuer())
        .setParameter("clientId", cell.clientId())
        .setParameter("deploymentId", cell.deploymentId())
        .setParameter("outcome", cell.outcome())
        .executeUpdate();
    if (updated == 0) {
      em.persist(new LaunchActivityRow(cell, more));
      em.flush(); // the duplicate key, if another instance won, shows here: the whole unit is retried
      return;
    }
    // the later of both times, decided on the row itself (locked by the update above)
    em.createQuery("update LaunchActivityRow r set r.lastAt = :at"
            + " where r.issuer = :issuer and r.clientId = :clientId and r.deploymentId = :deploymentId"
            + " and r.outcome = :outcome and r.lastAt < :at")
        .setParameter("at", more.lastAt())
        .setParameter("issuer", cell.issuer())
        .setParameter("clientId", cell.clientId())
        .setParameter("deploymentId", cell.deploymentId())
        .setParameter("outcome", cell.outcome())
        .executeUpdate();
  }

  /** The stored counts of a registration's cells (of the unknown platform for {@code "", ""}). */
  Map<LaunchTally.Cell, LaunchTally.Counts> of(String issuer, String clientId) {
    return tx.read(em -> {
      Map<LaunchTally.Cell, LaunchTally.Counts> rows = new HashMap<>();
      em.createQuery("select r from LaunchActivityRow r where r.issuer = :issuer and r.clientId = :clientId",
              LaunchActivityRow.class)
          .setParameter("issuer", issuer)
          .setParameter("clientId", clientId)
          .getResultList()
          .forEach(row -> rows.put(row.cell(), row.counts()));
      return rows;
    });
  }

  /** Deletes a registration's rows; returns how many. */
  int delete(String issuer, String clientId) {
    return tx.inTransaction(em -> em.createQuery(
            "delete from LaunchActivityRow r where r.issuer = :issuer and r.clientId = :clientId")
        .setParameter("issuer", issuer)
        .setParameter("clientId", clientId)
        .executeUpdate());
  }
}
