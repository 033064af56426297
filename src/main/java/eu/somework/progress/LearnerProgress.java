package eu.somework.progress;

import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import eu.somework.course.CourseMembers;
import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Progress per learner, unit and course. Only students leave progress: a teacher previewing a unit
 * or a guest reading it does not appear in anyone's statistics.
 */
@ApplicationScoped
public class LearnerProgress {
  @Inject Transactor tx;
  @Inject CourseMembers members;
  @Inject Clock clock;

  /** Progress over {@code tx}, outside a container (tests, tools). */
  public static LearnerProgress over(Transactor tx, CourseMembers members, Clock clock) {
    LearnerProgress progress = new LearnerProgress();
    progress.tx = tx;
    progress.members = members;
    progress.clock = clock;
    return progress;
  }

  /** Whether progress is kept for this session: a student with a user id in a course. */
  public static boolean tracks(ToolSession session) {
    return session.role() == ToolRole.STUDENT && !session.isAnonymous() && session.hasContext();
  }

  /** Records that a student opened a unit; true if that changed their progress. */
  public boolean recordRead(ToolSession session, String unitId) {
    return advance(session, unitId, ProgressStatus.READ);
  }

  /** Moves a student's progress in a unit forward to {@code status}; never backwards. */
  public boolean advance(ToolSession session, String unitId, ProgressStatus status) {
    if (!tracks(session) || status == ProgressStatus.NOT_STARTED) {
      return false;
    }
    UnitProgress.Key key = new UnitProgress.Key(session.issuer(), session.clientId(), session.deploymentId(),
        session.userId().orElseThrow(), session.contextId(), unitId);
    Instant now = clock.instant();
    return tx.findOrInsert(UnitProgress.class, key, () -> new UnitProgress(key, status, now),
        (progress, created) -> created || progress.advanceTo(status, now));
  }

  /** The session user's status in each unit of this course they have started. */
  public Map<String, ProgressStatus> statusesOf(ToolSession session) {
    if (session.isAnonymous() || !session.hasContext()) {
      return Map.of();
    }
    List<UnitProgress> rows = tx.read(em -> inCourse(em, session, " and p.userId = :user")
        .setParameter("user", session.userId().orElseThrow()).getResultList());
    Map<String, ProgressStatus> statuses = new HashMap<>();
    rows.forEach(row -> statuses.put(row.unitId(), row.status()));
    return statuses;
  }

  /** Every student of the session's course with their progress, for the teacher. */
  public List<StudentProgress> course(ToolSession teacher) {
    if (!teacher.hasContext()) {
      return List.of();
    }
    List<UnitProgress> rows = tx.read(em -> inCourse(em, teacher, "").getResultList());
    Map<String, Map<String, ProgressStatus>> byUser = new HashMap<>();
    rows.forEach(row -> byUser.computeIfAbsent(row.userId(), u -> new HashMap<>()).put(row.unitId(), row.status()));
    return members.students(teacher).stream()
        .map(m -> new StudentProgress(m.userId(), m.displayName(), byUser.getOrDefault(m.userId(), Map.of())))
        .toList();
  }

  /** Progress rows of the session's course: registration + deployment + context, as LTI scopes ids. */
  private static jakarta.persistence.TypedQuery<UnitProgress> inCourse(jakarta.persistence.EntityManager em,
      ToolSession course, String andMore) {
    return em.createQuery("select p from UnitProgress p where p.issuer = :issuer and p.clientId = :client"
            + " and p.deploymentId = :deployment and p.contextId = :context" + andMore, UnitProgress.class)
        .setParameter("issuer", course.issuer()).setParameter("client", course.clientId())
        .setParameter("deployment", course.deploymentId()).setParameter("context", course.contextId());
  }
}
