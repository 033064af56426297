package eu.somework.course;

import eu.somework.lti.LtiLaunch;
import eu.somework.persistence.Transactor;
import eu.somework.session.ToolSession;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The resource links the tool has been launched from, updated by their launches. A launch that
 * describes its link as this instance last stored it, within {@link CourseMembers#SEEN_PRECISION}
 * of that write, stores nothing (every student of a course launches the same link).
 */
@ApplicationScoped
public class ResourceLinks {
  @Inject Transactor tx;
  @Inject CourseMembers members;
  @Inject Clock clock;

  /** What this instance last stored of each link: the launch's description of it. */
  private final Cache<ResourceLink.Key, List<Object>> stored = Caffeine.newBuilder()
      .maximumSize(20_000).expireAfterWrite(CourseMembers.SEEN_PRECISION).build();

  /** Resource links over a transactor opened outside the container (tests, command-line tools). */
  public static ResourceLinks over(Transactor tx) {
    ResourceLinks links = new ResourceLinks();
    links.tx = tx;
    links.members = CourseMembers.over(tx);
    links.clock = Clock.systemUTC();
    return links;
  }

  /** Stores (or refreshes) the launch's service context; a launch without a resource link stores nothing. */
  public void record(LtiLaunch launch) {
    if (launch.resourceLink().isEmpty()) {
      return;
    }
    ResourceLink.Key key = new ResourceLink.Key(launch.issuer(), launch.clientId(), launch.deploymentId(),
        launch.resourceLink().get().id());
    Optional<LtiLaunch.GradeService> ags = launch.gradeService();
    List<Object> description = List.of(launch.context().map(LtiLaunch.Context::id),
        launch.context().flatMap(c -> c.title().or(c::label)), launch.resourceLink().get().title(),
        ags.flatMap(LtiLaunch.GradeService::lineItem), ags.flatMap(LtiLaunch.GradeService::lineItems),
        ags.map(LtiLaunch.GradeService::scopes).orElse(List.of()), launch.membershipsUrl(),
        Optional.ofNullable(launch.custom().get("unit")));
    if (description.equals(stored.getIfPresent(key))) {
      return; // stored by this instance a short while ago, as it is
    }
    tx.findOrInsert(ResourceLink.class, key, () -> new ResourceLink(key), (link, created) -> {
      link.describe(launch.context().map(LtiLaunch.Context::id),
          launch.context().flatMap(c -> c.title().or(c::label)),
          launch.resourceLink().get().title(),
          ags.flatMap(LtiLaunch.GradeService::lineItem), ags.flatMap(LtiLaunch.GradeService::lineItems),
          ags.map(LtiLaunch.GradeService::scopes).orElse(List.of()), launch.membershipsUrl(),
          Optional.ofNullable(launch.custom().get("unit")), clock.instant());
      return link;
    });
    Transactor.afterCommit(() -> stored.put(key, description));
  }

  /**
   * Forgets what this instance kept of the links it stored, so that the next launch of each writes
   * again: call it when resource links are deleted (a registration deleted with its data) — the one
   * method to hook a cluster-wide invalidation into.
   */
  public void forgetRecorded() {
    stored.invalidateAll();
  }

  /** A resource link by its key (registration + deployment + link id), as last stored. */
  public Optional<ResourceLink> find(String issuer, String clientId, String deploymentId, String resourceLinkId) {
    return tx.read(em -> Optional.ofNullable(em.find(ResourceLink.class,
        new ResourceLink.Key(issuer, clientId, deploymentId, resourceLinkId))));
  }

  /** The resource link a session was launched from, as last stored. */
  public Optional<ResourceLink> of(ToolSession session) {
    return session.resourceLinkId().flatMap(id -> tx.read(em -> Optional.ofNullable(em.find(ResourceLink.class,
        new ResourceLink.Key(session.issuer(), session.clientId(), session.deploymentId(), id)))));
  }

  /**
   * The link of a course that opens {@code unitId} and has a gradebook column or the means to find
   * one (an AGS claim): where that unit's scores go. The most recently launched one when a course
   * placed the unit twice.
   */
  public Optional<ResourceLink> gradedLinkFor(String issuer, String clientId, String deploymentId, String contextId,
      String unitId) {
    return tx.read(em -> em.createQuery("select l from ResourceLink l where l.issuer = :issuer"
            + " and l.clientId = :clientId and l.deploymentId = :deploymentId and l.contextId = :contextId"
            + " and l.unitId = :unitId and (l.lineItem is not null or l.lineItems is not null)"
            + " order by l.updatedAt desc", ResourceLink.class)
        .setParameter("issuer", issuer).setParameter("clientId", clientId).setParameter("deploymentId", deploymentId)
        .setParameter("contextId", contextId).setParameter("unitId", unitId).setMaxResults(1).getResultList()
        .stream().findFirst());
  }

  /**
   * The session with the labels a page shows — the user's name, the course and link titles — as
   * the latest launch stored them (the session token carries ids only).
   */
  public ToolSession labelled(ToolSession session) {
    Optional<ResourceLink> link = of(session);
    return session.withLabels(members.nameOf(session), link.flatMap(ResourceLink::contextTitle),
        link.flatMap(ResourceLink::title));
  }
}
