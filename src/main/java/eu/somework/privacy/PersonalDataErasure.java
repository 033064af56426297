package eu.somework.privacy;

import eu.somework.audit.AuditLog;
import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Erases one {@link Person} (GDPR Art. 17) in one transaction: their reflections with every
 * version and every comment on them, the comments they wrote, the grades they received (with
 * criteria and the teacher's note), their progress, course memberships (name and role), language
 * choice, scores in the outbox and logins in progress are deleted; where they graded others as a
 * teacher, the grade stays the student's record and its {@code graded_by} becomes
 * {@link #ERASED}, as does their id in the audit log, which records that an erasure happened
 * (not whom it erased). The person's open sessions end ({@link SessionCutoffs}). Scores not yet in the gradebook are never dropped unnoticed: see
 * {@link UndeliveredScores}. Either all of it happens or, on any failure or refusal, nothing.
 */
@ApplicationScoped
public class PersonalDataErasure {
  /** What replaces an erased teacher's user id in the grades they gave: no one's id. */
  public static final String ERASED = "(erased)";
  private static final Logger LOG = Logger.getLogger(PersonalDataErasure.class.getName());
  private static final String PERSON_SCORES = "issuer = ? AND client_id = ? AND user_id = ?";
  private static final String UNDELIVERED = "state IN ('PENDING', 'FAILED')";

  @Inject Transactor tx;
  @Inject Clock clock;
  @Inject AuditLog audit;
  @Inject SessionCutoffs cutoffs;
  @Inject eu.somework.course.CourseMembers members;

  /** An erasure over a transactor opened outside the container, e.g. a test's. */
  public static PersonalDataErasure over(Transactor tx, Clock clock) {
    PersonalDataErasure erasure = new PersonalDataErasure();
    erasure.tx = tx;
    erasure.clock = clock;
    erasure.audit = AuditLog.over(tx, clock);
    erasure.cutoffs = SessionCutoffs.over(tx, java.time.Duration.ofHours(4));
    return erasure;
  }

  /**
   * Erases everything the tool holds about {@code person}; erasing someone the tool does not know
   * returns a report with nothing removed.
   *
   * @throws ErasureRefused when scores of the person have not reached the gradebook and
   *     {@code undelivered} is {@link UndeliveredScores#REFUSE}, or one is being sent right now;
   *     nothing was changed
   */
  public ErasureReport erase(Person person, UndeliveredScores undelivered) {
    return erase(person, undelivered, null);
  }

  /**
   * {@link #erase(Person, UndeliveredScores)}, saying in the audit log how the administrator asked
   * for it ({@code console}, {@code api}, {@code cli}; null: not said).
   */
  public ErasureReport erase(Person person, UndeliveredScores undelivered, String requestedVia) {
    ErasureReport report = tx.inTransaction(em -> {
      Instant now = clock.instant();
      ErasureReport done = new Run(Sql.in(em), person, now).erase(undelivered);
      cutoffs.endSessions(em, person, now); // and the sessions they have open now
      // the audit log records that an erasure happened, not whom it erased
      audit.record(new AuditLog.Event("PERSON_ERASED", AuditLog.ActorKind.ADMINISTRATOR, null, person.issuer(),
          person.clientId(), null, null, null, (requestedVia == null ? "" : requestedVia + ": ") + done.rowsRemoved()
              + " rows removed, " + done.withdrawn().size() + " undelivered scores withdrawn"));
      return done;
    });
    cutoffs.forget(person);
    if (members != null) { // (null outside the container)
      members.forgetSeen(); // the person's next launch stores them again
    }
    // ids only: the administrator's request names the person, the log does not need to
    LOG.info(() -> "Erased a person's data: " + report.rowsRemoved() + " row(s) removed, "
        + report.withdrawn().size() + " undelivered score(s) withdrawn.");
    return report;
  }

  /** One erasure's statements, all scoped to the person. */
  private static final class Run {
    private final Sql sql;
    private final Person p;
    private final Instant now;
    private final Map<String, Integer> removed = new LinkedHashMap<>();
    private final Map<String, Integer> anonymised = new LinkedHashMap<>();

    Run(Sql sql, Person p, Instant now) {
      this.sql = sql;
      this.p = p;
      this.now = now;
    }

    ErasureReport erase(UndeliveredScores undelivered) {
      List<ErasureReport.WithdrawnScore> withdrawn = withdrawUndelivered(undelivered);
      List<ErasureReport.Kept> kept = deliveredScoresStayInTheGradebook();
      remove("score_outbox", "DELETE FROM score_outbox WHERE " + PERSON_SCORES, p.issuer(), p.clientId(), p.userId());

      String ownReflections = "SELECT id FROM reflection WHERE issuer = ? AND client_id = ? AND user_id = ?";
      remove("reflection_comment", "DELETE FROM reflection_comment WHERE reflection_id IN (" + ownReflections + ")"
          + " OR (author_user_id = ? AND reflection_id IN (SELECT id FROM reflection WHERE issuer = ?"
          + " AND client_id = ?))", p.issuer(), p.clientId(), p.userId(), p.userId(), p.issuer(), p.clientId());
      remove("reflection_version", "DELETE FROM reflection_version WHERE reflection_id IN (" + ownReflections + ")",
          p.issuer(), p.clientId(), p.userId());
      remove("reflection", "DELETE FROM reflection WHERE issuer = ? AND client_id = ? AND user_id = ?",
          p.issuer(), p.clientId(), p.userId());

      remove("grade_criterion", "DELETE FROM grade_criterion WHERE grade_id IN (SELECT id FROM grade"
          + " WHERE issuer = ? AND client_id = ? AND user_id = ?)", p.issuer(), p.clientId(), p.userId());
      remove("grade", "DELETE FROM grade WHERE issuer = ? AND client_id = ? AND user_id = ?",
          p.issuer(), p.clientId(), p.userId());
      anonymise("grade.graded_by", "UPDATE grade SET graded_by = ? WHERE issuer = ? AND client_id = ?"
          + " AND graded_by = ?", ERASED, p.issuer(), p.clientId(), p.userId());
      if (anonymised.containsKey("grade.graded_by")) {
        kept.add(new ErasureReport.Kept("Grades this person gave as a teacher ("
            + anonymised.get("grade.graded_by") + ")", "They are the students' records; they stay, no longer"
            + " naming who graded them."));
      }

      anonymise("audit_event.actor_user_id", "UPDATE audit_event SET actor_user_id = ? WHERE issuer = ?"
          + " AND client_id = ? AND actor_user_id = ?", ERASED, p.issuer(), p.clientId(), p.userId());
      anonymise("audit_event.subject_user_id", "UPDATE audit_event SET subject_user_id = ? WHERE issuer = ?"
          + " AND client_id = ? AND subject_user_id = ?", ERASED, p.issuer(), p.clientId(), p.userId());

            // client_id '' holds course data from before registrations were told apart (migration V4)
      remove("unit_progress", "DELETE FROM unit_progress WHERE issuer = ? AND client_id IN (?, '') AND user_id = ?",
          p.issuer(), p.clientId(), p.userId());
      remove("course_member", "DELETE FROM course_member WHERE issuer = ? AND client_id IN (?, '') AND user_id = ?",
          p.issuer(), p.clientId(), p.userId());
      remove("language_preference", "DELETE FROM language_preference WHERE issuer = ? AND user_id = ?",
          p.issuer(), p.userId());
      remove("login_state", "DELETE FROM login_state WHERE issuer = ? AND client_id = ? AND login_hint = ?",
          p.issuer(), p.clientId(), p.userId());
      kept.add(new ErasureReport.Kept("The person's account, roster entry and gradebook in the learning platform",
          "They are the platform's records, which the institution erases there; a new launch by this person"
              + " would store their name and role again."));
      kept.add(new ErasureReport.Kept("Database backups taken before this erasure",
          "They expire on the institution's backup schedule; a restored backup must be erased again."));
      return new ErasureReport(now, removed, anonymised, withdrawn, kept);
    }

    private List<ErasureReport.WithdrawnScore> withdrawUndelivered(UndeliveredScores policy) {
      List<Map<String, Object>> waiting = sql.rows("SELECT s.deployment_id, s.resource_link_id, s.unit_id,"
          + " s.score_given, s.score_maximum, s.grading_progress, s.state, s.created_at, s.claimed_until,"
          + " (SELECT MAX(l.context_title) FROM resource_link l WHERE l.issuer = s.issuer"
          + " AND l.client_id = s.client_id AND l.deployment_id = s.deployment_id"
          + " AND l.resource_link_id = s.resource_link_id) AS course_title"
          + " FROM score_outbox s WHERE s.issuer = ? AND s.client_id = ? AND s.user_id = ? AND s." + UNDELIVERED
          + " ORDER BY s.created_at", p.issuer(), p.clientId(), p.userId());
      if (waiting.isEmpty()) {
        return List.of();
      }
      if (policy == UndeliveredScores.REFUSE) {
        throw new ErasureRefused(waiting.size() + " score(s) of this person have not reached the gradebook yet."
            + " Wait until they are delivered (or a teacher retries a refused one) and erase again, or erase"
            + " with undelivered scores withdrawn: the report then lists them for a teacher to enter by hand.");
      }
      // a worker holding a claim may be sending it now: it would arrive after the erasure
      int free = sql.update("DELETE FROM score_outbox WHERE " + PERSON_SCORES + " AND " + UNDELIVERED
          + " AND (claimed_until IS NULL OR claimed_until < ?)", p.issuer(), p.clientId(), p.userId(), now);
      if (free < waiting.size()) {
        throw new ErasureRefused("A score of this person is being sent to the gradebook at this moment."
            + " Ask again in two minutes.");
      }
      removed.merge("score_outbox", free, Integer::sum);
      return waiting.stream().map(s -> new ErasureReport.WithdrawnScore((String) s.get("deployment_id"),
          (String) s.get("resource_link_id"), (String) s.get("course_title"), (String) s.get("unit_id"),
          number(s.get("score_given")), number(s.get("score_maximum")), (String) s.get("grading_progress"),
          (String) s.get("state"), (String) s.get("created_at"))).toList();
    }

    private List<ErasureReport.Kept> deliveredScoresStayInTheGradebook() {
      List<ErasureReport.Kept> kept = new ArrayList<>();
      for (Map<String, Object> link : sql.rows("SELECT s.deployment_id, s.resource_link_id, COUNT(*) AS scores,"
          + " MAX(l.context_title) AS course_title, MAX(l.title) AS link_title FROM score_outbox s"
          + " LEFT JOIN resource_link l ON l.issuer = s.issuer AND l.client_id = s.client_id"
          + " AND l.deployment_id = s.deployment_id AND l.resource_link_id = s.resource_link_id"
          + " WHERE s.issuer = ? AND s.client_id = ? AND s.user_id = ? AND s.state = 'DELIVERED'"
          + " GROUP BY s.deployment_id, s.resource_link_id ORDER BY s.deployment_id, s.resource_link_id",
          p.issuer(), p.clientId(), p.userId())) {
        kept.add(new ErasureReport.Kept("Scores in the platform's gradebook: " + link.get("scores")
            + " sent for activity " + link.get("resource_link_id") + " (" + orDash(link.get("link_title")) + ", course "
            + orDash(link.get("course_title")) + ", deployment " + link.get("deployment_id") + ")",
            "The gradebook is the platform's record; the tool cannot erase it there. The tool's copy is deleted."));
      }
      return kept;
    }

    private void remove(String table, String statement, Object... params) {
      int n = sql.update(statement, params);
      if (n > 0) {
        removed.merge(table, n, Integer::sum);
      }
    }

    private void anonymise(String column, String statement, Object... params) {
      int n = sql.update(statement, params);
      if (n > 0) {
        anonymised.put(column, n);
      }
    }

    private static Double number(Object value) {
      return value == null ? null : ((Number) value).doubleValue();
    }

    private static String orDash(Object value) {
      return value == null ? "—" : value.toString();
    }
  }
}
