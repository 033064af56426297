package eu.somework.privacy;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the tool holds about one {@link Person}, as one JSON document (GDPR Art. 15 and 20),
 * and nothing about anyone else: comments by others on the person's reflections are counted, not
 * shown; the teacher who graded them is not named; grades they gave as a teacher are listed
 * without the students or their points. The document's sections follow docs/privacy.md, table by
 * table. Read in one transaction, so it is consistent.
 */
@ApplicationScoped
public class PersonalDataExport {
  /** The document's format name and version, so a reader can tell later versions apart. */
  public static final String FORMAT = "somework-personal-data/1";

  @Inject Transactor tx;
  @Inject Clock clock;

  /** An export over a transactor opened outside the container, e.g. a test's. */
  public static PersonalDataExport over(Transactor tx, Clock clock) {
    PersonalDataExport export = new PersonalDataExport();
    export.tx = tx;
    export.clock = clock;
    return export;
  }

  /**
   * The export document.
   *
   * @param audience {@link Audience#PERSON} for the learner's own download,
   *     {@link Audience#ADMINISTRATOR} for the complete record
   */
  public Document export(Person person, Audience audience) {
    return tx.inTransaction(em -> new Reading(Sql.in(em), person, audience).document(clock));
  }

  /**
   * An export: {@link #json()} is the file; {@code rows} counts the stored rows it was read from
   * (0: the tool holds nothing about the person — the admin API may answer 404).
   */
  public record Document(Map<String, Object> content, long rows) {
    public String json() {
      return JSONObjectUtils.toJSONString(content);
    }

    public boolean isEmpty() {
      return rows == 0;
    }
  }

  /** One export's queries, all scoped to the person. */
  private static final class Reading {
    private final Sql sql;
    private final Person p;
    private final Audience audience;
    private long rows;

    Reading(Sql sql, Person p, Audience audience) {
      this.sql = sql;
      this.p = p;
      this.audience = audience;
    }

    Document document(Clock clock) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("format", FORMAT);
      doc.put("generatedAt", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
      doc.put("audience", audience.name());
      doc.put("person", Map.of("issuer", p.issuer(), "clientId", p.clientId(), "userId", p.userId()));
      doc.put("explanations", Explanations.of(audience));
      doc.put("courseMemberships", read("SELECT m.deployment_id, m.context_id, (SELECT MAX(l.context_title)"
          + " FROM resource_link l WHERE l.issuer = m.issuer AND l.client_id = m.client_id"
          + " AND l.deployment_id = m.deployment_id AND l.context_id = m.context_id) AS course_title,"
          + " m.display_name, m.role, m.last_seen FROM course_member m"
          + " WHERE m.issuer = ? AND m.client_id IN (?, '') AND m.user_id = ?"
          + " ORDER BY m.deployment_id, m.context_id", p.issuer(), p.clientId(), p.userId()));
      doc.put("languagePreference", read("SELECT language, updated_at FROM language_preference"
          + " WHERE issuer = ? AND user_id = ?", p.issuer(), p.userId()));
      doc.put("progress", read("SELECT deployment_id, context_id, unit_id, status, updated_at FROM unit_progress"
          + " WHERE issuer = ? AND client_id IN (?, '') AND user_id = ?"
          + " ORDER BY deployment_id, context_id, unit_id", p.issuer(), p.clientId(), p.userId()));
      doc.put("reflections", reflections());
      doc.put("commentsWritten", read("SELECT r.deployment_id, r.context_id, r.unit_id,"
          + " CASE WHEN r.user_id = c.author_user_id THEN TRUE ELSE FALSE END AS on_own_reflection,"
          + " c.author_role, c.body, c.created_at FROM reflection_comment c JOIN reflection r ON r.id = c.reflection_id"
          + " WHERE r.issuer = ? AND r.client_id = ? AND c.author_user_id = ? ORDER BY c.created_at, c.id",
          p.issuer(), p.clientId(), p.userId()));
      doc.put("gradesReceived", gradesReceived());
      doc.put("gradesGiven", read("SELECT deployment_id, context_id, unit_id, updated_at FROM grade"
          + " WHERE issuer = ? AND client_id = ? AND graded_by = ? ORDER BY deployment_id, context_id, unit_id,"
          + " updated_at", p.issuer(), p.clientId(), p.userId()));
      doc.put("scoresSentToGradebook", read("SELECT deployment_id, resource_link_id, unit_id, score_given,"
          + " score_maximum, comment, activity_progress, grading_progress, score_timestamp, state, attempts,"
          + " next_attempt_at, last_status, last_error, created_at, finished_at FROM score_outbox"
          + " WHERE issuer = ? AND client_id = ? AND user_id = ? ORDER BY created_at, id",
          p.issuer(), p.clientId(), p.userId()));
      doc.put("auditEventsAboutYou", read("SELECT occurred_at, action, deployment_id, context_id, detail"
          + " FROM audit_event WHERE issuer = ? AND client_id = ? AND subject_user_id = ? ORDER BY occurred_at, id",
          p.issuer(), p.clientId(), p.userId()));
      doc.put("auditEventsByYou", read("SELECT occurred_at, action, deployment_id, context_id FROM audit_event"
          + " WHERE issuer = ? AND client_id = ? AND actor_user_id = ? ORDER BY occurred_at, id",
          p.issuer(), p.clientId(), p.userId()));
      doc.put("loginsInProgress", read("SELECT target_link_uri, expires_at FROM login_state"
          + " WHERE issuer = ? AND client_id = ? AND login_hint = ? ORDER BY expires_at",
          p.issuer(), p.clientId(), p.userId()));
      return new Document(doc, rows);
    }

    private List<Map<String, Object>> reflections() {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map<String, Object> r : sql.rows("SELECT id, deployment_id, context_id, unit_id, visibility, status,"
          + " draft_html, draft_words, draft_saved_at, created_at FROM reflection"
          + " WHERE issuer = ? AND client_id = ? AND user_id = ? ORDER BY deployment_id, context_id, unit_id",
          p.issuer(), p.clientId(), p.userId())) {
        rows++;
        Object id = r.remove("id");
        Map<String, Object> reflection = camel(r);
        reflection.put("versions", read("SELECT version_number, html, word_count, submitted_at"
            + " FROM reflection_version WHERE reflection_id = ? ORDER BY version_number", id));
        reflection.put("commentsByOthers", sql.count("SELECT COUNT(*) FROM reflection_comment"
            + " WHERE reflection_id = ? AND author_user_id <> ?", id, p.userId()));
        out.add(reflection);
      }
      return out;
    }

    private List<Map<String, Object>> gradesReceived() {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map<String, Object> g : sql.rows("SELECT g.id, g.deployment_id, g.context_id, g.unit_id,"
          + " v.version_number AS reflection_version, g.score_given, g.score_maximum, g.feedback, g.teacher_note,"
          + " g.released, g.updated_at, g.released_at FROM grade g"
          + " LEFT JOIN reflection_version v ON v.id = g.version_id"
          + " WHERE g.issuer = ? AND g.client_id = ? AND g.user_id = ?"
          + " ORDER BY g.deployment_id, g.context_id, g.unit_id", p.issuer(), p.clientId(), p.userId())) {
        rows++;
        Object id = g.remove("id");
        List<Map<String, Object>> criteria = read("SELECT criterion_id, points, comment FROM grade_criterion"
            + " WHERE grade_id = ? ORDER BY criterion_id", id);
        Map<String, Object> grade = camel(g);
        grade.put("criteria", criteria);
        out.add(audience == Audience.ADMINISTRATOR ? grade : asTheLearnerSeesIt(grade));
      }
      return out;
    }

    /** What the tool shows the learner: a released grade without the private note; else that one is coming. */
    private static Map<String, Object> asTheLearnerSeesIt(Map<String, Object> grade) {
      Map<String, Object> seen = new LinkedHashMap<>();
      for (String key : List.of("deploymentId", "contextId", "unitId", "released")) {
        seen.put(key, grade.get(key));
      }
      if (Boolean.TRUE.equals(grade.get("released"))) {
        for (String key : List.of("reflectionVersion", "scoreGiven", "scoreMaximum", "feedback", "criteria",
            "updatedAt", "releasedAt")) {
          seen.put(key, grade.get(key));
        }
      }
      seen.put("teacherNoteWithheld", grade.get("teacherNote") != null);
      return seen;
    }

    private List<Map<String, Object>> read(String query, Object... params) {
      List<Map<String, Object>> found = sql.rows(query, params).stream().map(Reading::camel).toList();
      rows += found.size();
      return found;
    }

    /** snake_case column labels become the camelCase keys JSON readers expect. */
    private static Map<String, Object> camel(Map<String, Object> row) {
      Map<String, Object> out = new LinkedHashMap<>();
      row.forEach((column, value) -> out.put(camel(column), value));
      return out;
    }

    private static String camel(String column) {
      StringBuilder key = new StringBuilder();
      boolean upper = false;
      for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
        if (c == '_') {
          upper = true;
        } else {
          key.append(upper ? Character.toUpperCase(c) : c);
          upper = false;
        }
      }
      return key.toString();
    }
  }
}
