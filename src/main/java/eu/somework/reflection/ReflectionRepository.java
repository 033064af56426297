package eu.somework.reflection;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Queries for reflections, their versions and comments, always within one course. */
final class ReflectionRepository {
  private static final String IN_COURSE = " r.issuer = :issuer and r.clientId = :client"
      + " and r.deploymentId = :deployment and r.contextId = :context";

  private ReflectionRepository() {}

  static Optional<Reflection> find(EntityManager em, CourseKey course, String userId, String unitId) {
    return inCourse(em, "select r from Reflection r where" + IN_COURSE + " and r.userId = :user and r.unitId = :unit",
        Reflection.class, course).setParameter("user", userId).setParameter("unit", unitId)
        .getResultStream().findFirst();
  }

  /**
   * As {@link #find}, with the row locked for writing until the transaction ends: overlapping
   * saves of one draft then take turns instead of failing on the row version.
   */
  static Optional<Reflection> findForUpdate(EntityManager em, CourseKey course, String userId, String unitId) {
    return inCourse(em, "select r from Reflection r where" + IN_COURSE + " and r.userId = :user and r.unitId = :unit",
        Reflection.class, course).setParameter("user", userId).setParameter("unit", unitId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
  }

  /** The reflections on a unit in the course that were submitted at least once, with their versions. */
  static List<Reflection> submittedOnUnit(EntityManager em, CourseKey course, String unitId) {
    return inCourse(em, "select distinct r from Reflection r join fetch r.versions where" + IN_COURSE
        + " and r.unitId = :unit", Reflection.class, course).setParameter("unit", unitId).getResultList();
  }

  /** The user ids with a reflection on a unit in the course, draft or submitted (what grading calls "started"). */
  static List<String> authorsOnUnit(EntityManager em, CourseKey course, String unitId) {
    return inCourse(em, "select r.userId from Reflection r where" + IN_COURSE + " and r.unitId = :unit"
        + " and (r.draftWords > 0 or r.status = :submitted)", String.class, course).setParameter("unit", unitId)
        .setParameter("submitted", ReflectionStatus.SUBMITTED).getResultList();
  }

  /** The course's shared reflections that were submitted at least once, with their versions. */
  static List<Reflection> sharedAndSubmitted(EntityManager em, CourseKey course) {
    return inCourse(em, "select distinct r from Reflection r join fetch r.versions where" + IN_COURSE
        + " and r.visibility = :shared", Reflection.class, course).setParameter("shared", Visibility.SHARED)
        .getResultList();
  }

  /** The submitted versions of a unit in the course, oldest first per reflection. */
  static List<ReflectionVersion> versionsOnUnit(EntityManager em, CourseKey course, String unitId) {
    return em.createQuery("select v from ReflectionVersion v join v.reflection r where" + IN_COURSE
            + " and r.unitId = :unit order by r.userId, v.number", ReflectionVersion.class)
        .setParameter("issuer", course.issuer()).setParameter("client", course.clientId())
        .setParameter("deployment", course.deploymentId()).setParameter("context", course.contextId())
        .setParameter("unit", unitId).getResultList();
  }

  /**
   * (user id, version id) of every submitted version on a unit in the course, oldest first per
   * user: ids only, neither texts nor entities (what a list of a whole course needs).
   */
  static List<Object[]> versionIdsOnUnit(EntityManager em, CourseKey course, String unitId) {
    return inCourse(em, "select r.userId, v.id from ReflectionVersion v join v.reflection r where" + IN_COURSE
        + " and r.unitId = :unit order by r.userId, v.number", Object[].class, course)
        .setParameter("unit", unitId).getResultList();
  }

  static Optional<Reflection> byId(EntityManager em, String id) {
    return Optional.ofNullable(id).map(i -> em.find(Reflection.class, i));
  }

  static Optional<ReflectionVersion> version(EntityManager em, String id) {
    return Optional.ofNullable(id).map(i -> em.find(ReflectionVersion.class, i));
  }

  static Optional<ReflectionComment> comment(EntityManager em, String id) {
    return Optional.ofNullable(id).map(i -> em.find(ReflectionComment.class, i));
  }

  /** The comments on these reflections, oldest first. */
  static List<ReflectionComment> commentsOn(EntityManager em, Collection<Reflection> reflections) {
    if (reflections.isEmpty()) {
      return List.of();
    }
    return em.createQuery("select c from ReflectionComment c where c.reflection in :reflections"
        + " order by c.createdAt, c.id", ReflectionComment.class)
        .setParameter("reflections", reflections).getResultList();
  }

  private static <T> TypedQuery<T> inCourse(EntityManager em, String jpql, Class<T> type, CourseKey course) {
    return em.createQuery(jpql, type)
        .setParameter("issuer", course.issuer()).setParameter("client", course.clientId())
        .setParameter("deployment", course.deploymentId()).setParameter("context", course.contextId());
  }
}
