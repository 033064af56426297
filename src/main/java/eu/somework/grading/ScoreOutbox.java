package eu.somework.grading;

import eu.somework.config.Settings;
import eu.somework.persistence.Transactor;
import eu.somework.platform.PlatformDirectory;
import eu.somework.platform.RegistrationSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The durable outbox of scores (issue: a grade must never be lost or silently fail to reach the
 * gradebook). A score is written by {@link #enqueue} in the caller's transaction, so it exists
 * exactly when the grade or submission it reports was committed; {@link #deliverDue} then sends
 * what is due, at least once, from any instance.
 *
 * <p>Each attempt is claimed first: a conditional UPDATE that only one worker can win (the row is
 * PENDING, due and not claimed, or its claim has lapsed), committed before the platform is called,
 * so two instances never send the same entry at the same moment, on H2 as on PostgreSQL. A worker
 * that dies mid-attempt leaves a claim that lapses after {@link #CLAIM} (or
 * {@code somework.outbox.claim-seconds}); the entry is then sent
 * again, which the unchanged score timestamp makes harmless.
 */
@ApplicationScoped
public class ScoreOutbox {
  /**
   * How long a claim holds by default: longer than one attempt can take (token + line item + score
   * requests); {@code somework.outbox.claim-seconds} changes it.
   */
  static final Duration CLAIM = Duration.ofMinutes(2);
  private static final Logger LOG = Logger.getLogger(ScoreOutbox.class.getName());

  @Inject Transactor tx;
  @Inject Clock clock;
  /** Which registrations are switched off (null outside a container unless given: none are). */
  @Inject PlatformDirectory platforms;
  /** The claim's length ({@code somework.outbox.claim-seconds}); null outside a container: {@link #CLAIM}. */
  @Inject Settings settings;
  private Backoff backoff = new Backoff(Duration.ofSeconds(15), Duration.ofHours(1),
      () -> ThreadLocalRandom.current().nextDouble());

  /** An outbox over {@code tx} outside a container (tests, tools). */
  public static ScoreOutbox over(Transactor tx, Clock clock, Backoff backoff) {
    ScoreOutbox outbox = new ScoreOutbox();
    outbox.tx = tx;
    outbox.clock = clock;
    outbox.backoff = backoff;
    return outbox;
  }

  /** An outbox that leaves the scores of switched-off registrations waiting, outside a container (tests). */
  public static ScoreOutbox over(Transactor tx, Clock clock, Backoff backoff, PlatformDirectory platforms) {
    ScoreOutbox outbox = over(tx, clock, backoff);
    outbox.platforms = platforms;
    return outbox;
  }

  /**
   * Queues a score, in the transaction open on this thread if there is one. Its timestamp is now,
   * or a millisecond after the last score queued for the same user and link if that is later (a
   * platform ignores a score not newer than the one it holds). Unsent older scores for the same
   * user and link are superseded: only the newest state needs to reach the gradebook.
   *
   * @return the queued entry
   */
  public OutboxEntry.Snapshot enqueue(ScoreTarget target, ScoreProgress progress, OptionalDouble scoreGiven,
      OptionalDouble scoreMaximum, Optional<String> comment) {
    return tx.inTransaction(em -> {
      Instant now = clock.instant();
      List<OutboxEntry> earlier = sameTarget(em, target);
      Instant timestamp = now;
      for (OutboxEntry entry : earlier) {
        if (!timestamp.isAfter(entry.timestamp())) {
          timestamp = entry.timestamp().plusMillis(1);
        }
        if (entry.state() == OutboxState.PENDING && !entry.claimedAt(now)) {
          entry.supersede(now);
        }
      }
      OutboxEntry entry = new OutboxEntry(target, progress, scoreGiven, scoreMaximum, comment, timestamp, now);
      em.persist(entry);
      return entry.snapshot();
    });
  }

  /**
   * Sends up to {@code limit} due scores with {@code sender}, one claimed attempt each, and records
   * each outcome. Called by the background job on every instance; safe to run concurrently.
   *
   * @param worker this worker's name, unique among running workers (e.g. instance id + thread), at
   *     most 64 characters
   * @return how many attempts were made
   * @throws IllegalArgumentException for a worker name longer than 64 characters
   */
  public int deliverDue(ScoreSender sender, String worker, int limit) {
    if (worker.length() > 64) {
      throw new IllegalArgumentException("A worker's name has at most 64 characters: " + worker);
    }
    int attempted = 0;
    for (String id : dueIds(limit)) {
      if (!claim(id, worker)) {
        continue; // another worker won it
      }
      attempted++;
      OutboxEntry.Snapshot entry = tx.read(em -> em.find(OutboxEntry.class, id).snapshot());
      DeliveryOutcome outcome;
      try {
        outcome = sender.send(entry);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Sending score " + id + " failed inside the tool; it will be tried again", e);
        outcome = new DeliveryOutcome.RetryLater(Optional.empty(), "The tool could not send it (internal error).",
            Optional.empty());
      }
      record(id, worker, outcome);
    }
    return attempted;
  }

  /** Makes a failed score due again now (the teacher's "retry"); false when {@code id} is not failed. */
  public boolean retry(String id) {
    return tx.inTransaction(em -> {
      OutboxEntry entry = em.find(OutboxEntry.class, id);
      if (entry == null || entry.state() != OutboxState.FAILED) {
        return false;
      }
      entry.retryNow(clock.instant());
      return true;
    });
  }

  /** One entry, e.g. to check it belongs to the teacher's course before a retry. */
  public Optional<OutboxEntry.Snapshot> find(String id) {
    return tx.read(em -> Optional.ofNullable(em.find(OutboxEntry.class, id)).map(OutboxEntry::snapshot));
  }

  /**
   * For each user with a score queued for this resource link, the newest entry that was not
   * superseded: what the teacher's list shows ("in the gradebook", "waiting", "failed: …").
   */
  public Map<String, OutboxEntry.Snapshot> latestPerUser(String issuer, String clientId, String deploymentId,
      String resourceLinkId) {
    List<OutboxEntry> entries = tx.read(em -> em.createQuery("select e from OutboxEntry e where e.issuer = :issuer"
            + " and e.clientId = :clientId and e.deploymentId = :deploymentId and e.resourceLinkId = :link"
            + " and e.state <> :superseded order by e.createdAt, e.timestamp", OutboxEntry.class)
        .setParameter("issuer", issuer).setParameter("clientId", clientId)
        .setParameter("deploymentId", deploymentId).setParameter("link", resourceLinkId)
        .setParameter("superseded", OutboxState.SUPERSEDED).getResultList());
    Map<String, OutboxEntry.Snapshot> latest = new LinkedHashMap<>();
    entries.forEach(e -> latest.put(e.target().userId(), e.snapshot()));
    return latest;
  }

  /**
   * For each user of the resource link, the last graded score the platform took (DELIVERED,
   * FullyGraded): what the gradebook held when the tool last wrote to it, for the check before a
   * regrade overwrites it.
   */
  public Map<String, OutboxEntry.Snapshot> lastDeliveredGrades(LinkKey link) {
    List<OutboxEntry> entries = tx.read(em -> em.createQuery("select e from OutboxEntry e where e.issuer = :issuer"
            + " and e.clientId = :clientId and e.deploymentId = :deploymentId and e.resourceLinkId = :link"
            + " and e.state = :delivered and e.gradingProgress = :graded order by e.timestamp", OutboxEntry.class)
        .setParameter("issuer", link.issuer()).setParameter("clientId", link.clientId())
        .setParameter("deploymentId", link.deploymentId()).setParameter("link", link.resourceLinkId())
        .setParameter("delivered", OutboxState.DELIVERED)
        .setParameter("graded", ScoreProgress.GRADED.gradingProgress()).getResultList());
    Map<String, OutboxEntry.Snapshot> latest = new LinkedHashMap<>();
    entries.forEach(e -> latest.put(e.target().userId(), e.snapshot()));
    return latest;
  }

  /** How many entries wait to be sent, and since when the oldest (for health and metrics). */
  public Backlog backlog() {
    return tx.read(em -> {
      long pending = em.createQuery("select count(e) from OutboxEntry e where e.state = :pending", Long.class)
          .setParameter("pending", OutboxState.PENDING).getSingleResult();
      // not min(): an aggregate bypasses the Instant converter on PostgreSQL
      Optional<Instant> oldest = em.createQuery("select e.createdAt from OutboxEntry e where e.state = :pending"
              + " order by e.createdAt", Instant.class)
          .setParameter("pending", OutboxState.PENDING).setMaxResults(1).getResultList().stream().findFirst();
      return new Backlog(pending, oldest);
    });
  }

  /**
   * The scores that were due before {@code dueBefore} and are still waiting: how many, and since when
   * the longest-waiting one was due. A healthy outbox has none well in the past, since the delivery
   * job takes what is due every few seconds and each attempt moves an entry's due time forward.
   */
  public Overdue overdue(Instant dueBefore) {
    return tx.read(em -> {
      long count = em.createQuery("select count(e) from OutboxEntry e where e.state = :pending"
              + " and e.nextAttemptAt < :before", Long.class)
          .setParameter("pending", OutboxState.PENDING).setParameter("before", dueBefore).getSingleResult();
      // not min(): an aggregate bypasses the Instant converter on PostgreSQL
      Optional<Instant> longest = em.createQuery("select e.nextAttemptAt from OutboxEntry e where e.state = :pending"
              + " and e.nextAttemptAt < :before order by e.nextAttemptAt", Instant.class)
          .setParameter("pending", OutboxState.PENDING).setParameter("before", dueBefore)
          .setMaxResults(1).getResultList().stream().findFirst();
      return new Overdue(count, longest);
    });
  }

  /** Waiting scores due before a moment: their number and the earliest due time among them. */
  public record Overdue(long count, Optional<Instant> earliestDue) {}

  /** The outbox's depth and the creation time of its oldest waiting entry. */
  public record Backlog(long pending, Optional<Instant> oldest) {}

  /** How many entries the platform refused (they wait for a teacher's retry). */
  public long failedCount() {
    return tx.read(em -> em.createQuery("select count(e) from OutboxEntry e where e.state = :failed", Long.class)
        .setParameter("failed", OutboxState.FAILED).getSingleResult());
  }

  /**
   * The due entries, oldest first, leaving out those of registrations a tool administrator switched
   * off: they keep waiting, unchanged, and are due again the moment the registration is switched on.
   */
  private List<String> dueIds(int limit) {
    Instant now = clock.instant();
    List<RegistrationSummary> off = platforms == null ? List.of() : platforms.disabled();
    StringBuilder jpql = new StringBuilder("select e.id from OutboxEntry e where e.state = :pending"
        + " and e.nextAttemptAt <= :now and (e.claimedUntil is null or e.claimedUntil < :now)");
    for (int i = 0; i < off.size(); i++) {
      jpql.append(" and not (e.issuer = :issuer").append(i).append(" and e.clientId = :client").append(i).append(')');
    }
    jpql.append(" order by e.nextAttemptAt");
    return tx.read(em -> {
      var query = em.createQuery(jpql.toString(), String.class)
          .setParameter("pending", OutboxState.PENDING).setParameter("now", now);
      for (int i = 0; i < off.size(); i++) {
        query.setParameter("issuer" + i, off.get(i).issuer()).setParameter("client" + i, off.get(i).clientId());
      }
      return query.setMaxResults(limit).getResultList();
    });
  }

  private Duration claimLength() {
    return settings == null ? CLAIM : settings.outboxClaim();
  }

  /** The claim: committed on its own, so that the other workers see it before the platform is called. */
  private boolean claim(String id, String worker) {
    Instant now = clock.instant();
    int won = tx.inTransaction(em -> em.createQuery("update OutboxEntry e set e.claimedBy = :worker,"
            + " e.claimedUntil = :until where e.id = :id and e.state = :pending and e.nextAttemptAt <= :now"
            + " and (e.claimedUntil is null or e.claimedUntil < :now)")
        .setParameter("worker", worker).setParameter("until", now.plus(claimLength())).setParameter("id", id)
        .setParameter("pending", OutboxState.PENDING).setParameter("now", now).executeUpdate());
    return won == 1;
  }

  private void record(String id, String worker, DeliveryOutcome outcome) {
    tx.run(em -> {
      OutboxEntry entry = em.find(OutboxEntry.class, id);
      if (entry == null || !entry.claimedBy(worker)) {
        // our claim lapsed and another worker took the entry: its attempt decides
        LOG.info(() -> "Score " + id + ": claim lapsed before its outcome was recorded");
        return;
      }
      Instant now = clock.instant();
      if (outcome instanceof DeliveryOutcome.Delivered d) {
        entry.delivered(d.code(), now);
      } else if (outcome instanceof DeliveryOutcome.Outdated o) {
        entry.outdated(o.code(), now);
      } else if (outcome instanceof DeliveryOutcome.Refused r) {
        entry.refused(r.code(), r.reason(), now);
      } else if (outcome instanceof DeliveryOutcome.RetryLater r) {
        entry.retryLater(r.status(), r.reason(), backoff.after(entry.attempts() + 1, r.retryAfter()), now);
      }
      LOG.fine(() -> "Score " + id + ": " + entry.state() + " after attempt " + entry.attempts()
          + outcome.status().map(s -> " (HTTP " + s + ")").orElse(""));
    });
  }

  private static List<OutboxEntry> sameTarget(EntityManager em, ScoreTarget target) {
    return new ArrayList<>(em.createQuery("select e from OutboxEntry e where e.issuer = :issuer"
            + " and e.clientId = :clientId and e.deploymentId = :deploymentId and e.resourceLinkId = :link"
            + " and e.userId = :userId", OutboxEntry.class)
        .setParameter("issuer", target.issuer()).setParameter("clientId", target.clientId())
        .setParameter("deploymentId", target.deploymentId()).setParameter("link", target.resourceLinkId())
        .setParameter("userId", target.userId()).getResultList());
  }
}
