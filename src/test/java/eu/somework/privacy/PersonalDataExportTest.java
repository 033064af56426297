package eu.somework.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.HandClock;
import eu.somework.testsupport.MigratedDatabase;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The export of one person on a real database (H2 and PostgreSQL): every value of theirs that any
 * column of any table holds is in the document, and nothing of the other learner or the teacher.
 */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class PersonalDataExportTest {
  /**
   * Columns whose values the export deliberately leaves out: the ids that link rows (the export nests
   * them instead) and the security values of a login in progress.
   */
  private static final Set<String> NOT_EXPORTED = Set.of("id", "reflection_id", "grade_id", "version_id",
      "login_state.state", "login_state.nonce", "login_state.browser_hash");

  @Parameter DatabaseEngine engine;

  private MigratedDatabase db;
  private PersonalDataExport export;

  @BeforeEach
  void fill() {
    db = MigratedDatabase.emptied(engine);
    new People(db).fill();
    export = PersonalDataExport.over(db.transactor(), new HandClock(People.NOW));
  }

  @Test
  void theAdministratorsExportHoldsEveryValueOfThePersonInEveryTable() throws ParseException {
    String json = export.export(People.ALICE, Audience.ADMINISTRATOR).json();
    List<String> leaves = leaves(JSONObjectUtils.parse(json));

    List<String> missing = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    for (Map<String, Object> row : Schema.rows(db)) {
      row.forEach((column, value) -> {
        String where = row.get("@table") + "." + column;
        if (!column.equals("@table") && mentions(value, "alice") && !NOT_EXPORTED.contains(column)
            && !NOT_EXPORTED.contains(where)) {
          checked.add(where);
          if (!leaves.contains(value.toString())) {
            missing.add(where + " = " + value);
          }
        }
      });
    }
    assertEquals(List.of(), missing, "held by the tool but not in the export");
    assertTrue(checked.containsAll(List.of("course_member.display_name", "reflection.draft_html",
        "reflection_version.html", "reflection_comment.body", "grade.feedback", "grade.teacher_note",
        "grade_criterion.comment", "score_outbox.comment", "language_preference.user_id", "login_state.login_hint")),
        "the fixture covers every personal table: " + checked);
  }

  @Test
  void theExportHoldsNothingOfTheOtherLearnerOrOfTheTeacher() {
    for (Audience audience : Audience.values()) {
      String json = export.export(People.ALICE, audience).json().toLowerCase(Locale.ROOT);

      assertFalse(json.contains("bob"), audience + ": " + json);
      assertFalse(json.contains("tiina"), audience + ": " + json);
    }
  }

  @Test
  void commentsByOthersOnTheirReflectionAreCountedNotShown() throws ParseException {
    Map<String, Object> doc = JSONObjectUtils.parse(export.export(People.ALICE, Audience.PERSON).json());

    List<Object> reflections = JSONObjectUtils.getJSONArray(doc, "reflections");
    assertEquals(2, reflections.size());
    for (Object r : reflections) {
      Map<?, ?> reflection = (Map<?, ?>) r;
      assertEquals(2, ((Number) reflection.get("commentsByOthers")).intValue(), reflection.toString());
      assertEquals(2, ((List<?>) reflection.get("versions")).size());
    }
    List<String> leaves = leaves(doc);
    assertTrue(leaves.containsAll(List.of("alice-reply-alpha", "alice-comment-beta")), "her own comments");
  }

  @Test
  void theLearnersOwnDownloadShowsWhatTheToolShowsHerAndSaysWhatIsWithheld() throws ParseException {
    Map<String, Object> doc = JSONObjectUtils.parse(export.export(People.ALICE, Audience.PERSON).json());
    List<String> leaves = leaves(doc);

    assertTrue(leaves.contains("alice-feedback-alpha"), "a released grade's feedback");
    assertFalse(leaves.contains("alice-feedback-beta"), "an unreleased grade's feedback");
    assertFalse(leaves.stream().anyMatch(v -> v.startsWith("alice-note-")), "the teachers' private notes");
    for (Object g : JSONObjectUtils.getJSONArray(doc, "gradesReceived")) {
      Map<?, ?> grade = (Map<?, ?>) g;
      assertEquals(Boolean.TRUE, grade.get("teacherNoteWithheld"), grade.toString());
      assertEquals(grade.get("released"), grade.containsKey("scoreGiven"), grade.toString());
    }
  }

  @Test
  void someoneTheToolDoesNotKnowGetsAnEmptyExport() {
    PersonalDataExport.Document doc = export.export(new Person(People.ISSUER, People.CLIENT, "sub-nobody"),
        Audience.ADMINISTRATOR);

    assertTrue(doc.isEmpty());
    assertFalse(export.export(People.ALICE, Audience.ADMINISTRATOR).isEmpty());
  }

  private static boolean mentions(Object value, String name) {
    return value != null && value.toString().toLowerCase(Locale.ROOT).contains(name);
  }

  /** Every string, number and boolean in the document, as text. */
  private static List<String> leaves(Object node) {
    List<String> out = new ArrayList<>();
    if (node instanceof Map<?, ?> map) {
      map.values().forEach(v -> out.addAll(leaves(v)));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> out.addAll(leaves(v)));
    } else if (node != null) {
      out.add(node.toString());
    }
    return out;
  }
}
