package eu.somework.privacy;

import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Retention: a course (registration + deployment + context) whose last activity — a launch, a
 * progress change, a reflection saved or submitted, a comment, a grade — is older than the
 * configured number of months loses its personal data: reflections with every version and comment,
 * grades with their criteria, the score outbox's finished entries for its activities, progress and
 * course members. A course with a score not yet in the gradebook is left for a later run (a grade
 * must not vanish before it arrives) and named in the log by its ids. Each course is deleted in its
 * own transaction; deleting what is already gone deletes nothing, so instances that run the job at
 * once do no harm.
 */
@ApplicationScoped
public class CourseRetention {
  private static final Logger LOG = Logger.getLogger(CourseRetention.class.getName());
  private static final String COURSE = "issuer = ? AND client_id = ? AND deployment_id = ? AND context_id = ?";
  private static final String COURSE_REFLECTIONS = "SELECT id FROM reflection WHERE " + COURSE;
  private static final String COURSE_LINKS = "SELECT l.resource_link_id FROM resource_link l WHERE l.issuer = ?"
      + " AND l.client_id = ? AND l.deployment_id = ? AND l.context_id = ?";

  @Inject Transactor tx;
  @Inject Clock clock;
  @Inject eu.somework.course.CourseMembers members;

  /** Retention over a transactor opened outside the container, e.g. a test's. */
  public static CourseRetention over(Transactor tx, Clock clock) {
    CourseRetention retention = new CourseRetention();
    retention.tx = tx;
    retention.clock = clock;
    return retention;
  }

  /** What one run did: courses whose data was deleted, courses left for later because of undelivered scores. */
  public record Run(int coursesDeleted, int rowsDeleted, int coursesWaitingForScores) {}

  /** Deletes the personal data of every course inactive for {@code months} (at least 1) before now. */
  public Run deleteDue(int months) {
    if (months < 1) {
      throw new IllegalArgumentException("Retention is at least 1 month, not " + months);
    }
    Instant cutoff = clock.instant().atZone(ZoneOffset.UTC).minusMonths(months).toInstant();
    List<Map<String, Object>> due = tx.inTransaction(em -> Sql.in(em).rows(
        "SELECT issuer, client_id, deployment_id, context_id FROM (" + CourseActivity.UNION + ") a"
            + " GROUP BY issuer, client_id, deployment_id, context_id HAVING MAX(t) < ?", cutoff));
    int deleted = 0;
    int rows = 0;
    int waiting = 0;
    for (Map<String, Object> course : due) {
      Object[] key = {course.get("issuer"), course.get("client_id"), course.get("deployment_id"),
          course.get("context_id")};
      int n = tx.inTransaction(em -> deleteCourse(Sql.in(em), key, cutoff));
      if (n < 0) {
        waiting++;
        LOG.warning(() -> "Retention: course " + key[3] + " (deployment " + key[2] + ") is due, but a score has not"
            + " reached the gradebook; it is kept until it has.");
      } else {
        deleted++;
        rows += n;
      }
    }
    if (deleted > 0 && members != null) { // (null outside the container)
      members.forgetSeen(); // a member who launches again is stored again
    }
    if (deleted + waiting > 0) {
      int d = deleted;
      int r = rows;
      int w = waiting;
      LOG.info(() -> "Retention: personal data of " + d + " course(s) deleted (" + r + " rows); " + w
          + " course(s) wait for scores.");
    }
    return new Run(deleted, rows, waiting);
  }

  /** Rows deleted, or -1 when the course waits for a score; re-checks that it is still inactive. */
  private static int deleteCourse(Sql sql, Object[] key, Instant cutoff) {
    Object[] keyAndCutoff = {key[0], key[1], key[2], key[3], cutoff};
    if (sql.count("SELECT COUNT(*) FROM (" + CourseActivity.UNION + ") a WHERE issuer = ? AND client_id = ?"
        + " AND deployment_id = ? AND context_id = ? AND t >= ?", keyAndCutoff) > 0) {
      return 0; // someone came back since the course was found due
    }
    Object[] linkKey = {key[0], key[1], key[2], key[0], key[1], key[2], key[3]};
    if (sql.count("SELECT COUNT(*) FROM score_outbox WHERE issuer = ? AND client_id = ? AND deployment_id = ?"
        + " AND state IN ('PENDING', 'FAILED') AND resource_link_id IN (" + COURSE_LINKS + ")", linkKey) > 0) {
      return -1;
    }
    int n = sql.update("DELETE FROM score_outbox WHERE issuer = ? AND client_id = ? AND deployment_id = ?"
        + " AND resource_link_id IN (" + COURSE_LINKS + ")", linkKey);
    n += sql.update("DELETE FROM reflection_comment WHERE reflection_id IN (" + COURSE_REFLECTIONS + ")", key);
    n += sql.update("DELETE FROM reflection_version WHERE reflection_id IN (" + COURSE_REFLECTIONS + ")", key);
    n += sql.update("DELETE FROM reflection WHERE " + COURSE, key);
    n += sql.update("DELETE FROM grade_criterion WHERE grade_id IN (SELECT id FROM grade WHERE " + COURSE + ")", key);
    n += sql.update("DELETE FROM grade WHERE " + COURSE, key);
    n += sql.update("DELETE FROM unit_progress WHERE " + COURSE, key);
    n += sql.update("DELETE FROM course_member WHERE " + COURSE, key);
    n += sql.update("DELETE FROM audit_event WHERE " + COURSE, key);
    return n;
  }

  /** Every dated trace of activity in a course, as rows (issuer, client_id, deployment_id, context_id, t). */
  private static final class CourseActivity {
    static final String UNION = "SELECT issuer, client_id, deployment_id, context_id, last_seen AS t FROM course_member"
        + " UNION ALL SELECT issuer, client_id, deployment_id, context_id, updated_at FROM unit_progress"
        + " UNION ALL SELECT issuer, client_id, deployment_id, context_id, COALESCE(draft_saved_at, created_at)"
        + " FROM reflection"
        + " UNION ALL SELECT r.issuer, r.client_id, r.deployment_id, r.context_id, v.submitted_at"
        + " FROM reflection_version v JOIN reflection r ON r.id = v.reflection_id"
        + " UNION ALL SELECT r.issuer, r.client_id, r.deployment_id, r.context_id, c.created_at"
        + " FROM reflection_comment c JOIN reflection r ON r.id = c.reflection_id"
        + " UNION ALL SELECT issuer, client_id, deployment_id, context_id, updated_at FROM grade";

    private CourseActivity() {}
  }
}
