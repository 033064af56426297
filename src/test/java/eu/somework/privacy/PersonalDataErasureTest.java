package eu.somework.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.HandClock;
import eu.somework.testsupport.MigratedDatabase;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Erasing one person on a real database (H2 and PostgreSQL): afterwards no column of any table holds
 * a value of theirs, every row of everyone else is as it was, and a score that has not reached the
 * gradebook is never dropped unnoticed.
 */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class PersonalDataErasureTest {
  @Parameter DatabaseEngine engine;

  private MigratedDatabase db;
  private People people;
  private PersonalDataErasure erasure;

  @BeforeEach
  void fill() {
    db = MigratedDatabase.emptied(engine);
    people = new People(db);
    people.fill();
    erasure = PersonalDataErasure.over(db.transactor(), new HandClock(People.NOW));
  }

  @Test
  void erasingALearnerLeavesNoValueOfTheirsInAnyColumnAndEveryOtherRowAsItWas() {
    TreeSet<String> before = Schema.snapshot(db);
    assertEquals(Set.of("course_member", "unit_progress", "language_preference", "reflection", "reflection_version",
        "reflection_comment", "grade", "grade_criterion", "score_outbox", "login_state", "audit_event"),
        tracesOf("alice").stream().map(t -> t.substring(0, t.indexOf('.'))).collect(Collectors.toSet()),
        "the fixture gives her values in every table that holds personal data");

    ErasureReport report = erasure.erase(People.ALICE, UndeliveredScores.REFUSE);

    assertEquals(List.of(), tracesOf("alice"), "values of the erased person are left");
    assertEquals(expected(before, "alice", row -> row.replace("subject_user_id=" + People.ALICE.userId(),
        "subject_user_id=" + PersonalDataErasure.ERASED)), withoutErasureEvents(Schema.snapshot(db)),
        "only the erased person's rows (and the comments on her reflections) are gone; the rest is unchanged");
    assertEquals(Map.of("score_outbox", 1, "reflection_comment", 8, "reflection_version", 4, "reflection", 2,
        "grade_criterion", 2, "grade", 2, "unit_progress", 2, "course_member", 2, "language_preference", 1,
        "login_state", 1), report.removed());
    assertEquals(Map.of("audit_event.subject_user_id", 2), report.anonymised());
    assertTrue(report.keptElsewhere().get(0).what().contains("Scores in the platform's gradebook: 1 sent for activity"
        + " link-alpha (Unit 1 alpha, course Course alpha"), report.keptElsewhere().toString());
  }

  @Test
  void erasingATeacherKeepsTheGradesTheyGaveWithoutTheirIdAndTouchesNothingElseOfTheStudents() {
    TreeSet<String> before = Schema.snapshot(db);

    ErasureReport report = erasure.erase(People.TIINA, UndeliveredScores.REFUSE);

    assertEquals(List.of(), tracesOf("tiina"));
    assertEquals(expected(before, "tiina",
        row -> row.replace("graded_by=" + People.TIINA.userId(), "graded_by=" + PersonalDataErasure.ERASED)
            .replace("actor_user_id=" + People.TIINA.userId(), "actor_user_id=" + PersonalDataErasure.ERASED)),
        withoutErasureEvents(Schema.snapshot(db)));
    assertEquals(Map.of("grade.graded_by", 4, "audit_event.actor_user_id", 4), report.anonymised());
    assertEquals(Map.of("reflection_comment", 2, "course_member", 2, "language_preference", 1), report.removed());
  }

  @Test
  void theAuditLogRecordsThatAnErasureHappenedWithoutWhomItErased() {
    erasure.erase(People.ALICE, UndeliveredScores.REFUSE);

    List<String> events = Schema.snapshot(db).stream().filter(r -> r.contains("action=PERSON_ERASED")).toList();
    assertEquals(1, events.size(), events.toString());
    assertTrue(events.get(0).contains("actor_kind=ADMINISTRATOR") && events.get(0).contains("subject_user_id=null"),
        events.get(0));
  }

  @Test
  void erasingAPersonEndsTheSessionsTheyOpenedBeforeAndNoOneElses() {
    SessionCutoffs cutoffs = SessionCutoffs.over(db.transactor(), java.time.Duration.ofHours(4));
    java.time.Instant opened = People.NOW.minusSeconds(600);
    assertTrue(cutoffs.admits(People.ISSUER, People.CLIENT, People.ALICE.userId(), opened), "before the erasure");

    erasure.erase(People.ALICE, UndeliveredScores.REFUSE);

    SessionCutoffs fresh = SessionCutoffs.over(db.transactor(), java.time.Duration.ofHours(4));
    assertFalse(fresh.admits(People.ISSUER, People.CLIENT, People.ALICE.userId(), opened), "a session opened before it ends");
    assertFalse(fresh.admits(People.ISSUER, People.CLIENT, People.ALICE.userId(), People.NOW.minusMillis(1)));
    assertTrue(fresh.admits(People.ISSUER, People.CLIENT, People.ALICE.userId(), People.NOW.plusMillis(1)),
        "a launch after the erasure opens a new session");
    assertTrue(fresh.admits(People.ISSUER, People.CLIENT, People.BOB.userId(), opened), "others' sessions go on");
    assertTrue(fresh.admits(People.ISSUER, "client-2", People.ALICE.userId(), opened), "the same id elsewhere is someone else");
    assertEquals(List.of(), tracesOf("alice"), "the cut-off does not name her");
  }

  @Test
  void anotherInstanceThatHadJustAdmittedTheSessionRefusesItAtItsNextCheckAfterTheErasure() {
    // two instances' cut-offs over one database: "other" admitted (and keeps) the table before
    SessionCutoffs other = SessionCutoffs.over(db.transactor(), java.time.Duration.ofHours(4));
    java.time.Instant opened = People.NOW.minusSeconds(600);
    assertTrue(other.admits(People.ISSUER, People.CLIENT, People.ALICE.userId(), opened), "before the erasure");

    erasure.erase(People.ALICE, UndeliveredScores.REFUSE);

    assertFalse(other.admits(People.ISSUER, People.CLIENT, People.ALICE.userId(), opened),
        "the very next check on the other instance, not after some seconds");
    assertTrue(other.admits(People.ISSUER, People.CLIENT, People.BOB.userId(), opened), "others' sessions go on");
  }

  @Test
  void anUndeliveredScoreRefusesTheErasureAndChangesNothing() {
    people.waitingScore(People.ALICE, "alice", "PENDING", null);
    TreeSet<String> before = Schema.snapshot(db);

    ErasureRefused refused = assertThrows(ErasureRefused.class,
        () -> erasure.erase(People.ALICE, UndeliveredScores.REFUSE));

    assertTrue(refused.getMessage().startsWith("1 score(s) of this person have not reached the gradebook yet."),
        refused.getMessage());
    assertEquals(before, Schema.snapshot(db));
  }

  @Test
  void withdrawingUndeliveredScoresErasesThemAndListsThemForTheTeacher() {
    people.waitingScore(People.ALICE, "alice", "FAILED", null);

    ErasureReport report = erasure.erase(People.ALICE, UndeliveredScores.WITHDRAW);

    assertEquals(List.of(), tracesOf("alice"));
    assertEquals(List.of(new ErasureReport.WithdrawnScore(People.DEPLOYMENT, "link-alpha", "Course alpha", "unit-1",
        9.0, 10.0, "FullyGraded", "FAILED", People.NOW.toString())), report.withdrawn());
    assertEquals(2, report.removed().get("score_outbox"));
  }

  @Test
  void aScoreBeingSentAtThisMomentRefusesEvenAWithdrawingErasure() {
    people.waitingScore(People.ALICE, "alice", "PENDING", People.NOW.plusSeconds(30));
    TreeSet<String> before = Schema.snapshot(db);

    ErasureRefused refused = assertThrows(ErasureRefused.class,
        () -> erasure.erase(People.ALICE, UndeliveredScores.WITHDRAW));

    assertTrue(refused.getMessage().contains("being sent to the gradebook at this moment"), refused.getMessage());
    assertEquals(before, Schema.snapshot(db), "nothing was erased");
  }

  @Test
  void erasingSomeoneTheToolDoesNotKnowRemovesNothing() {
    TreeSet<String> before = Schema.snapshot(db);

    ErasureReport report = erasure.erase(new Person(People.ISSUER, People.CLIENT, "sub-nobody"),
        UndeliveredScores.REFUSE);

    assertEquals(0, report.rowsRemoved());
    assertEquals(before, withoutErasureEvents(Schema.snapshot(db)));
  }

  /** "table.column = value" for every value in the database that contains {@code name}. */
  private List<String> tracesOf(String name) {
    return Schema.rows(db).stream()
        .flatMap(row -> row.entrySet().stream()
            .filter(cell -> !cell.getKey().equals("@table") && mentions(cell.getValue(), name))
            .map(cell -> row.get("@table") + "." + cell.getKey() + " = " + cell.getValue()))
        .toList();
  }

  /**
   * The snapshot without the audit log's record that an erasure happened and the instant before
   * which the person's sessions end (neither names anyone).
   */
  private static TreeSet<String> withoutErasureEvents(TreeSet<String> rows) {
    TreeSet<String> kept = new TreeSet<>(rows);
    kept.removeIf(row -> row.startsWith("audit_event ") && row.contains("action=PERSON_ERASED")
        || row.startsWith("person_session_cutoff ")
        || row.startsWith("change_generation ")); // raised so every instance reads the cut-offs again
    return kept;
  }

  /** The snapshot after {@code change}, without the rows that mention {@code name}. */
  private static TreeSet<String> expected(TreeSet<String> before, String name, UnaryOperator<String> change) {
    TreeSet<String> after = new TreeSet<>();
    before.stream().map(change).filter(row -> !mentions(row, name)).forEach(after::add);
    return after;
  }

  private static boolean mentions(Object value, String name) {
    return value != null && value.toString().toLowerCase(Locale.ROOT).contains(name);
  }
}
