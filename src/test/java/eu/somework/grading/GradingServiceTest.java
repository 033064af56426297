package eu.somework.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.content.ReflectionTask;
import eu.somework.content.RubricCriterion;
import eu.somework.course.ResourceLinks;
import eu.somework.lti.LtiLaunch;
import eu.somework.lti.MessageType;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Rubric grading and its scores, on H2 and PostgreSQL, with the shipped module's rubric. */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class GradingServiceTest {
  private static final String ISSUER = "https://moodle.example.edu";
  private static final String UNIT = "data-protection";
  private static final GradeKey SAM = new GradeKey(ISSUER, "client-1", "dep-1", "course-1", UNIT, "sam");

  @Parameter DatabaseEngine engine;

  private MigratedDatabase db;
  private GradingService grading;
  private ScoreOutbox outbox;
  private ResourceLinks links;
  private ReflectionTask task;

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(engine);
    Clock clock = Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC);
    outbox = ScoreOutbox.over(db.transactor(), clock, new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1),
        () -> 1.0));
    links = ResourceLinks.over(db.transactor());
    grading = GradingService.over(db.transactor(), clock, outbox, ModuleFixtures.CATALOGUE, links);
    task = ModuleFixtures.CATALOGUE.find(UNIT).orElseThrow().reflection(UiLanguage.EN);
  }

  /** A launch of the course's link that opens the unit, with a gradebook column. */
  private void placeUnitWithGradebookColumn(String deploymentId, String linkId) {
    links.record(new LtiLaunch(ISSUER, "client-1", deploymentId, Optional.of("teacher"),
        MessageType.RESOURCE_LINK, List.of(), Set.of(), Optional.of(new LtiLaunch.Context("course-1",
            Optional.empty(), Optional.of("Course"))), Optional.of(new LtiLaunch.ResourceLink(linkId, Optional.empty())),
        Optional.empty(), Optional.empty(), Map.of("unit", UNIT), Optional.empty(),
        Optional.of(new LtiLaunch.GradeService(List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
            Optional.empty(), Optional.of(ISSUER + "/mod/lti/services.php/2/lineitems/7/lineitem?type_id=3"))),
        Optional.empty(), Optional.empty(), "https://tool.example/lti/launch"));
  }

  /** Every criterion at its top level, with a comment on the first. */
  private Marking fullMarks(String versionId) {
    List<CriterionMark> marks = new ArrayList<>();
    for (RubricCriterion criterion : task.criteria()) {
      marks.add(new CriterionMark(criterion.id(), criterion.maxPoints(),
          marks.isEmpty() ? Optional.of("Clear principles.") : Optional.empty()));
    }
    return new Marking(versionId, marks, Optional.of("Well argued."), Optional.of("Check the source next time."));
  }

  @Test
  void aReleasedGradeQueuesItsScoreWithTheFeedbackInTheSameCommit() {
    placeUnitWithGradebookColumn("dep-1", "link-dp");
    GradingService.Released released = grading.release(SAM, fullMarks("v1"), "teacher");

    assertTrue(released.grade().released());
    assertEquals(task.maxPoints(), released.grade().scoreGiven());
    assertEquals(task.maxPoints(), released.grade().scoreMaximum());
    OutboxEntry.Snapshot score = released.score().orElseThrow();
    assertEquals("link-dp", score.target().resourceLinkId());
    assertEquals("sam", score.target().userId());
    assertEquals(ScoreProgress.GRADED, score.progress());
    assertEquals(Optional.of("Well argued."), score.comment(), "the feedback, never the teacher's note");
    assertEquals(1, outbox.backlog().pending());
  }

  @Test
  void aDraftIsNotShownToTheStudentNorSent() {
    placeUnitWithGradebookColumn("dep-1", "link-dp");
    grading.saveDraft(SAM, fullMarks("v1"), "teacher");
    assertTrue(grading.find(SAM).isPresent());
    assertTrue(grading.released(SAM).isEmpty());
    assertEquals(0, outbox.backlog().pending());
  }

  @Test
  void markingAReleasedGradeAgainHoldsItBackUntilReleasedAgain() {
    placeUnitWithGradebookColumn("dep-1", "link-dp");
    grading.release(SAM, fullMarks("v1"), "teacher");
    grading.saveDraft(SAM, fullMarks("v2"), "teacher");
    Grade.View draft = grading.find(SAM).orElseThrow();
    assertFalse(draft.released());
    assertEquals("v2", draft.versionId(), "the version now being graded");
  }

  @Test
  void pointsThatAreNoLevelOfTheCriterionAreRefusedAndNothingIsSaved() {
    placeUnitWithGradebookColumn("dep-1", "link-dp");
    Marking full = fullMarks("v1");
    List<CriterionMark> marks = new ArrayList<>(full.marks());
    marks.set(0, new CriterionMark(marks.get(0).criterionId(), 99, Optional.empty()));
    MarkingRefused refused = assertThrows(MarkingRefused.class,
        () -> grading.release(SAM, new Marking("v1", marks, Optional.empty(), Optional.empty()), "teacher"));
    assertEquals("grading.error.points", refused.messageKey());
    assertTrue(grading.find(SAM).isEmpty());
    assertEquals(0, outbox.backlog().pending());
  }

  @Test
  void aMissingOrUnknownCriterionIsRefused() {
    Marking full = fullMarks("v1");
    Marking missing = new Marking("v1", full.marks().subList(1, full.marks().size()), Optional.empty(),
        Optional.empty());
    assertEquals("grading.error.criterion",
        assertThrows(MarkingRefused.class, () -> grading.saveDraft(SAM, missing, "t")).messageKey());
    List<CriterionMark> unknown = new ArrayList<>(full.marks());
    unknown.add(new CriterionMark("made-up", 1, Optional.empty()));
    assertEquals("grading.error.criterion", assertThrows(MarkingRefused.class,
        () -> grading.saveDraft(SAM, new Marking("v1", unknown, Optional.empty(), Optional.empty()), "t"))
        .messageKey());
    assertEquals("grading.error.version", assertThrows(MarkingRefused.class,
        () -> grading.saveDraft(SAM, fullMarks(" "), "t")).messageKey());
  }

  @Test
  void aSubmissionTellsTheGradebookItIsPendingWithoutAScore() {
    placeUnitWithGradebookColumn("dep-1", "link-dp");
    OutboxEntry.Snapshot score = grading.submitted(SAM).orElseThrow();
    assertEquals(ScoreProgress.SUBMITTED, score.progress());
    assertTrue(score.scoreGiven().isEmpty());
  }

  @Test
  void withoutAGradebookColumnTheGradeIsKeptAndNothingIsQueued() {
    GradingService.Released released = grading.release(SAM, fullMarks("v1"), "teacher");
    assertTrue(released.grade().released());
    assertTrue(released.score().isEmpty());
    assertEquals(0, outbox.backlog().pending());
  }

  @Test
  void anotherDeploymentWithTheSameContextIdKeepsItsOwnGradesAndColumn() {
    placeUnitWithGradebookColumn("dep-1", "link-dp");
    placeUnitWithGradebookColumn("dep-2", "link-other");
    GradeKey samElsewhere = new GradeKey(ISSUER, "client-1", "dep-2", "course-1", UNIT, "sam");
    grading.release(SAM, fullMarks("v1"), "teacher");
    assertTrue(grading.find(samElsewhere).isEmpty());
    assertEquals("link-other", grading.submitted(samElsewhere).orElseThrow().target().resourceLinkId());
    assertEquals(1, grading.forUnit(ISSUER, "client-1", "dep-1", "course-1", UNIT).size());
    assertEquals(0, grading.forUnit(ISSUER, "client-1", "dep-2", "course-1", UNIT).size());
  }

  @Test
  void aRevisionAfterAReleaseLeavesTheReleasedGradeInTheGradebook() {
    placeUnitWithGradebookColumn("dep-1", "link-dp");
    grading.release(SAM, fullMarks("v1"), "teacher");
    long queued = outbox.backlog().pending();
    assertTrue(grading.submitted(SAM).isEmpty(), "no pending score that would blank the released grade");
    assertEquals(queued, outbox.backlog().pending());
  }
}
