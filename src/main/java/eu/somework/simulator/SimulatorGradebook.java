package eu.somework.simulator;

import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The simulator's gradebook in the database: line items the tool creates or changes, and the scores it sends. */
@ApplicationScoped
public class SimulatorGradebook {
  @Inject Transactor tx;
  @Inject Clock clock;

  /** A score's values as the tool sent them (already checked for the required fields). */
  record Received(String userId, Double scoreGiven, double scoreMaximum, String comment, String activityProgress,
      String gradingProgress, Instant timestamp, String timestampText) {}

  SimLineItem create(String label, double scoreMaximum, String resourceId, String tag, String resourceLinkId) {
    SimLineItem item = new SimLineItem("li-" + UUID.randomUUID().toString().substring(0, 8), label, scoreMaximum,
        resourceId, tag, resourceLinkId, clock.instant());
    tx.run(em -> em.persist(item));
    return item;
  }

  Optional<SimLineItem> replace(String id, String label, double scoreMaximum, String resourceId, String tag,
      String resourceLinkId) {
    return tx.inTransaction(em -> {
      SimLineItem item = em.find(SimLineItem.class, id);
      if (item != null) {
        item.replace(label, scoreMaximum, resourceId, tag, resourceLinkId);
      }
      return Optional.ofNullable(item);
    });
  }

  /**
   * Keeps {@code score} unless the gradebook holds one with the same or a later timestamp for that
   * learner (Moodle then answers 409 and keeps its score).
   *
   * @return true when kept
   */
  boolean record(String lineItemId, Received score) {
    return tx.inTransaction(em -> {
      SimScore held = em.find(SimScore.class, lineItemId + " " + score.userId());
      if (held != null && !held.isOlderThan(score.timestamp())) {
        return false;
      }
      SimScore kept = held != null ? held : new SimScore(lineItemId, score.userId(), clock.instant());
      kept.take(score.scoreGiven(), score.scoreMaximum(), score.comment(), score.activityProgress(),
          score.gradingProgress(), score.timestamp(), score.timestampText(), clock.instant());
      if (held == null) {
        em.persist(kept);
      }
      return true;
    });
  }

  /** The scores held on one line item, by learner. */
  List<SimScore> scores(String lineItemId) {
    return tx.read(em -> em.createQuery("select s from SimScore s where s.lineItemId = :item order by s.userId",
        SimScore.class).setParameter("item", lineItemId).getResultList());
  }

  /** Every score held, for the simulator page. */
  public List<SimScore> allScores() {
    return tx.read(em -> em.createQuery("select s from SimScore s order by s.lineItemId, s.userId", SimScore.class)
        .getResultList());
  }
}
