package eu.somework.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.somework.content.ReflectionTask;
import eu.somework.content.RubricCriterion;
import eu.somework.course.ResourceLinks;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import eu.somework.testsupport.ModuleFixtures;
import eu.somework.web.UiLanguage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every grade change leaves one audit event in its own commit: who, whose grade, unit and points, no text. */
class GradeAuditTest {
  private static final GradeKey SAM = new GradeKey("https://moodle.example.edu", "client-1", "dep-1", "course-1",
      "data-protection", "sam");

  private MigratedDatabase db;
  private GradingService grading;
  private ReflectionTask task;

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(DatabaseEngine.H2);
    Clock clock = Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC);
    ScoreOutbox outbox = ScoreOutbox.over(db.transactor(), clock,
        new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), () -> 1.0));
    grading = GradingService.over(db.transactor(), clock, outbox, ModuleFixtures.CATALOGUE,
        ResourceLinks.over(db.transactor()));
    task = ModuleFixtures.CATALOGUE.find("data-protection").orElseThrow().reflection(UiLanguage.EN);
  }

  private Marking marks(int pointsOfFirst) {
    List<CriterionMark> marks = new ArrayList<>();
    for (RubricCriterion criterion : task.criteria()) {
      marks.add(new CriterionMark(criterion.id(), marks.isEmpty() ? pointsOfFirst : criterion.maxPoints(),
          Optional.of("criterion text")));
    }
    return new Marking("v1", marks, Optional.of("feedback text"), Optional.of("note text"));
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> events() {
    return db.inTransaction(em -> em.createNativeQuery("SELECT action, actor_kind, actor_user_id, subject_user_id,"
        + " context_id, detail FROM audit_event ORDER BY occurred_at, action DESC").getResultList());
  }

  @Test
  void savingAndReleasingAGradeAreRecordedWithoutItsTexts() {
    int top = task.criteria().get(0).maxPoints();
    grading.saveDraft(SAM, marks(top), "teacher-7");
    grading.release(SAM, marks(top), "teacher-7");

    List<Object[]> events = events();
    assertEquals(2, events.size());
    assertEquals(List.of("GRADE_SAVED", "TEACHER", "teacher-7", "sam", "course-1"), List.of(events.get(0)).subList(0, 5));
    assertEquals("GRADE_RELEASED", events.get(1)[0]);
    for (Object[] event : events) {
      String detail = (String) event[5];
      assertFalse(detail.contains("text"), "no feedback, note or comment: " + detail);
    }
    assertEquals("unit data-protection: " + (double) task.maxPoints() + " of " + (double) task.maxPoints() + " points",
        events.get(1)[5]);
  }

  @Test
  void aRefusedMarkingSavesNothingAndRecordsNothing() {
    assertThrows(MarkingRefused.class, () -> grading.saveDraft(SAM, marks(999), "teacher-7"));

    assertEquals(0, events().size());
  }
}
