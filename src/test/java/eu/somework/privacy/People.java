package eu.somework.privacy;

import eu.somework.testsupport.MigratedDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two learners, Alice and Bob, and their teacher Tiina, in two courses of one registration, with a
 * row in every table that holds personal data, written as the features write them. Every value
 * that belongs to a person — ids of their rows included — contains their name in lower case
 * ("alice", "bob", "tiina"), so a test finds a person's traces by scanning every column.
 */
final class People {
  static final Instant NOW = Instant.parse("2026-12-02T07:00:00Z");
  static final String ISSUER = "https://lms.example.org";
  static final String CLIENT = "client-1";
  static final String DEPLOYMENT = "deployment-1";
  static final Person ALICE = new Person(ISSUER, CLIENT, "sub-alice-5c1e");
  static final Person BOB = new Person(ISSUER, CLIENT, "sub-bob-93d0");
  static final Person TIINA = new Person(ISSUER, CLIENT, "sub-tiina-71aa");
  static final List<String> COURSES = List.of("alpha", "beta");

  private final MigratedDatabase db;

  People(MigratedDatabase db) {
    this.db = db;
  }

  /** Both learners in both courses: Alice's alpha grade is released, her beta grade is not. */
  void fill() {
    db.run(em -> {
      Sql sql = Sql.in(em);
      insert(sql, "platform_registration", row("id", 1L, "name", "Moodle", "issuer", ISSUER, "client_id", CLIENT,
          "authorization_endpoint", ISSUER + "/auth", "token_endpoint", ISSUER + "/token", "jwks_uri", ISSUER + "/jwks",
          "origin", "FILE", "source_file", null, "updated_at", NOW));
      insert(sql, "platform_deployment", row("registration_id", 1L, "deployment_id", DEPLOYMENT));
      insert(sql, "used_nonce", row("issuer", ISSUER, "nonce", "nonce-1", "expires_at", NOW.plusSeconds(600)));
      for (String course : COURSES) {
        insert(sql, "resource_link", row("issuer", ISSUER, "client_id", CLIENT, "deployment_id", DEPLOYMENT,
            "resource_link_id", "link-" + course, "context_id", "course-" + course, "context_title", "Course " + course,
            "title", "Unit 1 " + course, "ags_lineitem", null, "ags_lineitems", ISSUER + "/lineitems",
            "ags_scopes", "score", "context_memberships_url", null, "updated_at", NOW, "unit_id", "unit-1"));
        insert(sql, "stored_line_item", row("issuer", ISSUER, "client_id", CLIENT, "deployment_id", DEPLOYMENT,
            "resource_link_id", "link-" + course, "lineitem_url", ISSUER + "/lineitems/" + course,
            "resolving_by", null, "resolving_until", null, "updated_at", NOW));
        member(sql, TIINA, "tiina", "Tiina Teacher", "TEACHER", course);
        for (Person learner : List.of(ALICE, BOB)) {
          learner(sql, learner, learner == ALICE ? "alice" : "bob", course);
        }
        for (Person learner : List.of(ALICE, BOB)) {
          insert(sql, "audit_event", row("id", "audit-" + course + "-" + (learner == ALICE ? 1 : 2),
              "occurred_at", NOW, "action", "GRADE_RELEASED", "actor_kind", "TEACHER", "actor_user_id", TIINA.userId(),
              "issuer", ISSUER, "client_id", CLIENT, "deployment_id", DEPLOYMENT, "context_id", "course-" + course,
              "subject_user_id", learner.userId(), "detail", "unit unit-1: 7.5 of 10.0 points"));
        }
        comment(sql, "cmt-bob-on-a-" + course, "refl-alice-" + course, BOB, "STUDENT", "bob-comment-" + course);
        comment(sql, "cmt-tiina-on-a-" + course, "refl-alice-" + course, TIINA, "TEACHER", "tiina-comment-" + course);
        comment(sql, "cmt-alice-on-b-" + course, "refl-bob-" + course, ALICE, "STUDENT", "alice-comment-" + course);
        comment(sql, "cmt-alice-own-" + course, "refl-alice-" + course, ALICE, "STUDENT", "alice-reply-" + course);
      }
      language(sql, ALICE, "fi");
      language(sql, BOB, "pl");
      language(sql, TIINA, "en");
      login(sql, ALICE, "alice");
      login(sql, BOB, "bob");
    });
  }

  /** A score for {@code person} that has not left yet; {@code claimedUntil} non-null: a worker is sending it. */
  void waitingScore(Person person, String name, String state, Instant claimedUntil) {
    waitingScore(person, name, "alpha", state, claimedUntil);
  }

  void waitingScore(Person person, String name, String course, String state, Instant claimedUntil) {
    db.run(em -> outbox(Sql.in(em), person, name, course, "out-" + name + "-waiting-" + course, 9.0, state,
        claimedUntil == null ? null : "worker-1", claimedUntil));
  }

  /** Moves every trace of activity in {@code course} to {@code at}, as if no one had used it since. */
  void lastActive(String course, Instant at) {
    db.run(em -> {
      Sql sql = Sql.in(em);
      Object[] key = {"course-" + course};
      String reflections = "SELECT id FROM reflection WHERE context_id = ?";
      sql.update("UPDATE course_member SET last_seen = ? WHERE context_id = ?", at, key[0]);
      sql.update("UPDATE unit_progress SET updated_at = ? WHERE context_id = ?", at, key[0]);
      sql.update("UPDATE reflection SET draft_saved_at = ?, created_at = ? WHERE context_id = ?", at, at, key[0]);
      sql.update("UPDATE reflection_version SET submitted_at = ? WHERE reflection_id IN (" + reflections + ")", at,
          key[0]);
      sql.update("UPDATE reflection_comment SET created_at = ? WHERE reflection_id IN (" + reflections + ")", at,
          key[0]);
      sql.update("UPDATE grade SET updated_at = ? WHERE context_id = ?", at, key[0]);
      sql.update("UPDATE audit_event SET occurred_at = ? WHERE context_id = ?", at, key[0]);
    });
  }

  private void learner(Sql sql, Person p, String name, String course) {
    member(sql, p, name, name.substring(0, 1).toUpperCase() + name.substring(1) + " Example", "STUDENT", course);
    insert(sql, "unit_progress", row("issuer", ISSUER, "client_id", CLIENT, "deployment_id", DEPLOYMENT,
        "context_id", "course-" + course, "user_id", p.userId(), "unit_id", "unit-1", "status", "GRADED",
        "updated_at", NOW));
    String reflection = "refl-" + name + "-" + course;
    insert(sql, "reflection", row("id", reflection, "issuer", ISSUER, "client_id", CLIENT, "deployment_id", DEPLOYMENT,
        "context_id", "course-" + course, "user_id", p.userId(), "unit_id", "unit-1", "visibility", "SHARED",
        "status", "SUBMITTED", "draft_html", "<p>" + name + "-draft-" + course + "</p>", "draft_words", 1,
        "draft_saved_at", NOW, "created_at", NOW.minusSeconds(3600), "row_version", 3L));
    for (int v = 1; v <= 2; v++) {
      insert(sql, "reflection_version", row("id", "ver-" + name + "-" + course + "-" + v, "reflection_id", reflection,
          "version_number", v, "html", "<p>" + name + "-version-" + v + "-" + course + "</p>", "word_count", 1,
          "submitted_at", NOW.minusSeconds(1000L * v)));
    }
    String grade = "grade-" + name + "-" + course;
    boolean released = course.equals("alpha");
    insert(sql, "grade", row("id", grade, "issuer", ISSUER, "client_id", CLIENT, "deployment_id", DEPLOYMENT,
        "context_id", "course-" + course, "unit_id", "unit-1", "user_id", p.userId(),
        "version_id", "ver-" + name + "-" + course + "-2", "score_given", 7.5, "score_maximum", 10.0,
        "feedback", name + "-feedback-" + course, "teacher_note", name + "-note-" + course, "released", released,
        "graded_by", TIINA.userId(), "updated_at", NOW, "released_at", released ? NOW : null));
    insert(sql, "grade_criterion", row("grade_id", grade, "criterion_id", "clarity", "points", 3,
        "comment", name + "-criterion-" + course));
    if (released) {
      outbox(sql, p, name, course, "out-" + name + "-" + course, 7.5, "DELIVERED", null, null);
    }
  }

  private static void member(Sql sql, Person p, String name, String display, String role, String course) {
    insert(sql, "course_member", row("issuer", ISSUER, "client_id", CLIENT, "deployment_id", DEPLOYMENT,
        "context_id", "course-" + course, "user_id", p.userId(), "display_name", display, "role", role,
        "last_seen", NOW));
  }

  private static void outbox(Sql sql, Person p, String name, String course, String id, double score, String state,
      String claimedBy, Instant claimedUntil) {
    boolean finished = !state.equals("PENDING") && !state.equals("FAILED");
    insert(sql, "score_outbox", row("id", id, "issuer", ISSUER, "client_id", CLIENT, "deployment_id", DEPLOYMENT,
        "resource_link_id", "link-" + course, "unit_id", "unit-1", "user_id", p.userId(), "score_given", score,
        "score_maximum", 10.0, "comment", name + "-feedback-" + course, "activity_progress", "Completed",
        "grading_progress", "FullyGraded", "score_timestamp", NOW, "state", state, "attempts", 1,
        "next_attempt_at", NOW, "claimed_by", claimedBy, "claimed_until", claimedUntil, "last_status",
        finished ? 200 : null, "last_error", null, "created_at", NOW, "finished_at", finished ? NOW : null));
  }

  private static void comment(Sql sql, String id, String reflection, Person author, String role, String body) {
    insert(sql, "reflection_comment", row("id", id, "reflection_id", reflection, "author_user_id", author.userId(),
        "author_role", role, "body", body, "created_at", NOW));
  }

  private static void language(Sql sql, Person p, String language) {
    insert(sql, "language_preference", row("issuer", ISSUER, "user_id", p.userId(), "language", language,
        "updated_at", NOW));
  }

  private static void login(Sql sql, Person p, String name) {
    insert(sql, "login_state", row("state", "state-" + name, "nonce", "nonce-" + name, "browser_hash", "hash-" + name,
        "issuer", ISSUER, "client_id", CLIENT, "login_hint", p.userId(), "message_hint", null,
        "target_link_uri", "https://tool.example/lti/launch", "deployment_hint", null,
        "expires_at", NOW.plusSeconds(600)));
  }

  private static Map<String, Object> row(Object... pairs) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((String) pairs[i], pairs[i + 1]);
    }
    return row;
  }

  private static void insert(Sql sql, String table, Map<String, Object> row) {
    List<String> marks = new ArrayList<>();
    row.keySet().forEach(c -> marks.add("?"));
    sql.update("INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES ("
        + String.join(", ", marks) + ")", row.values().toArray());
  }
}
