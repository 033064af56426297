package eu.somework.simulator;

import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The simulator's demo-course data in the database. */
@ApplicationScoped
public class SimulatorStore {
  @Inject Transactor tx;
  @Inject Clock clock;
  /** Generated learners known to have launched (a learner never leaves the demo course). */
  private final java.util.Set<String> joined = java.util.concurrent.ConcurrentHashMap.newKeySet();

  void ensureDefaultLink() {
    tx.run(em -> {
      if (em.find(SimResourceLink.class, DemoCourse.DEFAULT_LINK_ID) == null) {
        em.persist(new SimResourceLink(DemoCourse.DEFAULT_LINK_ID, DemoCourse.DEFAULT_LINK_TITLE,
            "The whole module: all units, with the learner's progress.", null, null, clock.instant()));
      }
    });
  }

  SimLaunch startLaunch(String userId, String messageType, String resourceLinkId, String locale) {
    return startLaunch(userId, messageType, resourceLinkId, locale, SimulatedPlatform.CLIENT_ID);
  }

  /** A launch as the client {@code clientId} (the built-in one or a dynamically registered tool). */
  SimLaunch startLaunch(String userId, String messageType, String resourceLinkId, String locale, String clientId) {
    SimLaunch launch = new SimLaunch("sl-" + UUID.randomUUID(), userId, messageType, resourceLinkId, locale,
        clock.instant());
    launch.forClient(clientId);
    tx.run(em -> em.persist(launch));
    return launch;
  }

  /** A submission review launch (see {@link SimLaunch#submissionReview}). */
  SimLaunch startReview(String userId, String resourceLinkId, String forUserId, String locale) {
    SimLaunch launch = SimLaunch.submissionReview("sl-" + UUID.randomUUID(), userId, resourceLinkId, forUserId, locale,
        clock.instant());
    tx.run(em -> em.persist(launch));
    return launch;
  }

  Optional<SimLaunch> launch(String id) {
    return tx.read(em -> Optional.ofNullable(em.find(SimLaunch.class, id)));
  }

  public List<SimResourceLink> links() {
    return tx.read(em -> em.createQuery("select l from SimResourceLink l order by l.createdAt, l.id",
        SimResourceLink.class).getResultList());
  }

  Optional<SimResourceLink> link(String id) {
    return tx.read(em -> Optional.ofNullable(em.find(SimResourceLink.class, id)));
  }

  public List<SimLineItem> lineItems() {
    return tx.read(em -> em.createQuery("select i from SimLineItem i order by i.createdAt", SimLineItem.class)
        .getResultList());
  }

  Optional<SimLineItem> lineItem(String id) {
    return tx.read(em -> Optional.ofNullable(em.find(SimLineItem.class, id)));
  }

  /** Creates a resource link, with its gradebook column when the item asked for one. */
  SimResourceLink addLink(String title, String description, String customJson, Optional<LineItemRequest> lineItem) {
    String linkId = "rl-" + UUID.randomUUID().toString().substring(0, 8);
    String lineItemId = lineItem.map(li -> "li-" + UUID.randomUUID().toString().substring(0, 8)).orElse(null);
    Instant now = clock.instant();
    SimResourceLink link = new SimResourceLink(linkId, title, description, customJson, lineItemId, now);
    tx.run(em -> {
      em.persist(link);
      lineItem.ifPresent(li -> em.persist(new SimLineItem(lineItemId, li.label(), li.scoreMaximum(),
          li.resourceId(), li.tag(), linkId, now)));
    });
    return link;
  }

  /**
   * The generated learners who joined the course by launching, by number ({@link DemoCourse}):
   * what the roster lists after the fixed people.
   */
  List<DemoCourse.Person> enrolledLearners() {
    List<String> ids = tx.read(em -> em.createQuery("select distinct l.userId from SimLaunch l"
        + " where l.userId like :prefix", String.class).setParameter("prefix", DemoCourse.GENERATED_PREFIX + "%")
        .getResultList());
    return ids.stream().map(DemoCourse::generatedNumber).flatMap(Optional::stream).sorted()
        .map(DemoCourse::generated).toList();
  }

  /**
   * Whether the user is a learner of the course: a fixed student, or a generated learner who has
   * launched. Joined learners are remembered here, so a score costs no query once its learner is known.
   */
  boolean isLearner(String userId) {
    Optional<DemoCourse.Person> person = DemoCourse.person(userId).filter(p -> p.kind() == DemoCourse.Kind.STUDENT);
    if (person.isEmpty()) {
      return false;
    }
    if (!DemoCourse.isGenerated(userId) || joined.contains(userId)) {
      return true;
    }
    boolean launched = tx.read(em -> em.createQuery("select count(l) from SimLaunch l where l.userId = :user",
        Long.class).setParameter("user", userId).getSingleResult()) > 0;
    if (launched) {
      joined.add(userId);
    }
    return launched;
  }

  /** How many messages of each kind the simulator received ("Score", "Score IGNORED", …), by kind. */
  public java.util.Map<String, Long> receivedCounts() {
    return tx.read(em -> em.createQuery("select r.kind, count(r) from SimReceived r group by r.kind order by r.kind",
        Object[].class).getResultList().stream().collect(java.util.stream.Collectors.toMap(
            row -> (String) row[0], row -> ((Number) row[1]).longValue(), (a, b) -> a, java.util.TreeMap::new)));
  }

  void record(String kind, String summary) {
    tx.run(em -> em.persist(new SimReceived(kind, summary, clock.instant())));
  }

  public List<SimReceived> received() {
    return tx.read(em -> em.createQuery("select r from SimReceived r order by r.receivedAt desc", SimReceived.class)
        .setMaxResults(50).getResultList());
  }

  /** A line item a deep-linking item asked for. */
  record LineItemRequest(String label, double scoreMaximum, String resourceId, String tag) {}
}
