package eu.somework.grading;

import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The line item URL each resource link's scores go to, kept once a sender found or created it, so
 * later scores skip the search and the tool's instances agree on one gradebook column per link.
 *
 * <p>Race-safety without locks that outlive a transaction: the row is inserted once (primary key;
 * a lost insert race is retried and finds the winner's row); the right to search for and create
 * the line item is a {@link #claim} — a conditional UPDATE only one worker can win while no URL is
 * stored and no other claim holds, committed before the platform is called — and the URL found is
 * stored by {@link #settle}, again conditionally, so a URL stored meanwhile (a launch's claim) is
 * kept and returned instead. A claim lapses after {@link #CLAIM} in case its worker died.
 */
@ApplicationScoped
public class StoredLineItems {
  /** How long a worker may search for or create a line item before another may try (a few 15 s calls). */
  static final Duration CLAIM = Duration.ofSeconds(60);

  @Inject Transactor tx;
  @Inject Clock clock;

  /** Stored line items over {@code tx} outside a container (tests, tools). */
  public static StoredLineItems over(Transactor tx, Clock clock) {
    StoredLineItems items = new StoredLineItems();
    items.tx = tx;
    items.clock = clock;
    return items;
  }

  /** The line item URL stored for the link, if any. */
  public Optional<URI> find(LinkKey link) {
    return tx.read(em -> Optional.ofNullable(em.find(StoredLineItem.class, StoredLineItem.key(link)))
        .map(StoredLineItem::lineItemUrl).map(URI::create));
  }

  /**
   * Stores {@code url} for the link whatever was stored before: a launch named the link's line item
   * ({@code lineitem} in its AGS claim), which wins over one the tool found.
   */
  public void remember(LinkKey link, URI url) {
    ensureRow(link);
    tx.run(em -> update(em, "set s.lineItemUrl = :url, s.updatedAt = :now", "", link)
        .setParameter("url", url.toString()).setParameter("now", clock.instant()).executeUpdate());
  }

  /**
   * Makes {@code worker} the one that searches for or creates the link's line item; false when a
   * URL is stored already or another worker's claim holds.
   */
  boolean claim(LinkKey link, String worker) {
    ensureRow(link);
    Instant now = clock.instant();
    int won = tx.inTransaction(em -> update(em, "set s.resolvingBy = :worker, s.resolvingUntil = :until",
        " and s.lineItemUrl is null and (s.resolvingUntil is null or s.resolvingUntil < :now)", link)
        .setParameter("worker", worker).setParameter("until", now.plus(CLAIM)).setParameter("now", now)
        .executeUpdate());
    return won == 1;
  }

  /**
   * Stores the URL that {@code worker} found or created, unless one was stored meanwhile, and ends
   * the worker's claim.
   *
   * @return the URL now stored: {@code url}, or the one stored before it (which later scores use)
   */
  URI settle(LinkKey link, String worker, URI url) {
    return tx.inTransaction(em -> {
      update(em, "set s.lineItemUrl = :url, s.resolvingBy = null, s.resolvingUntil = null, s.updatedAt = :now",
          " and s.lineItemUrl is null", link).setParameter("url", url.toString()).setParameter("now", clock.instant())
          .executeUpdate();
      em.clear();
      StoredLineItem row = em.find(StoredLineItem.class, StoredLineItem.key(link));
      return row == null || row.lineItemUrl() == null ? url : URI.create(row.lineItemUrl());
    });
  }

  /** Ends {@code worker}'s claim (it found nothing, or the platform failed); another may try. */
  void release(LinkKey link, String worker) {
    tx.run(em -> update(em, "set s.resolvingBy = null, s.resolvingUntil = null", " and s.resolvingBy = :worker", link)
        .setParameter("worker", worker).executeUpdate());
  }

  /**
   * Forgets {@code url} for the link (the platform answered 404: the line item was deleted in the
   * LMS), unless another URL was stored meanwhile.
   *
   * @return true when it was forgotten
   */
  public boolean forget(LinkKey link, URI url) {
    return tx.inTransaction(em -> update(em, "set s.lineItemUrl = null, s.updatedAt = :now",
        " and s.lineItemUrl = :url", link).setParameter("url", url.toString()).setParameter("now", clock.instant())
        .executeUpdate()) == 1;
  }

  private void ensureRow(LinkKey link) {
    if (tx.read(em -> em.find(StoredLineItem.class, StoredLineItem.key(link))) == null) {
      tx.findOrInsert(StoredLineItem.class, StoredLineItem.key(link), () -> new StoredLineItem(link, clock.instant()),
          (row, created) -> row);
    }
  }

  private static Query update(EntityManager em, String set, String condition, LinkKey link) {
    return em.createQuery("update StoredLineItem s " + set + " where s.issuer = :issuer and s.clientId = :clientId"
            + " and s.deploymentId = :deploymentId and s.resourceLinkId = :link" + condition)
        .setParameter("issuer", link.issuer()).setParameter("clientId", link.clientId())
        .setParameter("deploymentId", link.deploymentId()).setParameter("link", link.resourceLinkId());
  }
}
