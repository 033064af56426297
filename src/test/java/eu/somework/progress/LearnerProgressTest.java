package eu.somework.progress;

import eu.somework.testsupport.Sessions;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.course.CourseMembers;
import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import eu.somework.persistence.TestDatabase;
import eu.somework.persistence.Transactor;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Progress and course members on the real schema (H2), as the pages use them. */
class LearnerProgressTest {
  private LearnerProgress progress;
  private CourseMembers members;

  @BeforeEach
  void freshDatabase(org.junit.jupiter.api.TestInfo test) {
    Transactor tx = TestDatabase.open("progress-" + test.getDisplayName().hashCode() + System.nanoTime());
    members = CourseMembers.over(tx);
    progress = new LearnerProgress();
    progress.tx = tx;
    progress.clock = Clock.systemUTC();
    progress.members = members;
  }

  @Test
  void aStudentOpeningAUnitHasReadIt() {
    ToolSession anna = Sessions.student("u-anna", "Anna");
    assertEquals(Map.of(), progress.statusesOf(anna));
    assertTrue(progress.recordRead(anna, "data-protection"));
    assertEquals(Map.of("data-protection", ProgressStatus.READ), progress.statusesOf(anna));
    assertFalse(progress.recordRead(anna, "data-protection"), "opening it again changes nothing");
  }

  @Test
  void readingAgainNeverUndoesLaterProgress() {
    ToolSession anna = Sessions.student("u-anna", "Anna");
    progress.advance(anna, "data-protection", ProgressStatus.SUBMITTED);
    assertFalse(progress.recordRead(anna, "data-protection"));
    assertEquals(Map.of("data-protection", ProgressStatus.SUBMITTED), progress.statusesOf(anna));
  }

  @Test
  void teachersAndGuestsLeaveNoProgress() {
    assertFalse(progress.recordRead(Sessions.teacher(), "data-protection"));
    assertFalse(progress.recordRead(Sessions.anonymous(), "data-protection"));
    assertFalse(progress.recordRead(Sessions.of(ToolRole.GUEST, "u-guest", null, Sessions.COURSE, null),
        "data-protection"));
    assertEquals(Map.of(), progress.statusesOf(Sessions.teacher()));
  }

  @Test
  void progressBelongsToOneCourse() {
    ToolSession inCourseOne = Sessions.student("u-anna", "Anna");
    ToolSession inCourseTwo = Sessions.of(ToolRole.STUDENT, "u-anna", "Anna", "course-2", "en");
    progress.recordRead(inCourseOne, "data-protection");
    assertEquals(Map.of(), progress.statusesOf(inCourseTwo));
  }

  @Test
  void theTeacherSeesEachStudentOfTheCourseByNameWithTheirProgress() {
    ToolSession bartek = Sessions.student("u-bartek", "Bartek");
    ToolSession anna = Sessions.student("u-anna", "Anna");
    ToolSession unnamed = Sessions.student("u-x", null);
    ToolSession elsewhere = Sessions.of(ToolRole.STUDENT, "u-other", "Olga", "course-2", "en");
    for (ToolSession s : List.of(bartek, anna, unnamed, elsewhere, Sessions.teacher(), Sessions.anonymous())) {
      members.seen(s);
    }
    progress.recordRead(anna, "data-protection");
    progress.recordRead(elsewhere, "data-protection");

    List<StudentProgress> rows = progress.course(Sessions.teacher());
    assertEquals(List.of(Optional.of("Anna"), Optional.of("Bartek"), Optional.empty()),
        rows.stream().map(StudentProgress::displayName).toList());
    assertEquals(ProgressStatus.READ, rows.get(0).status("data-protection"));
    assertEquals(ProgressStatus.NOT_STARTED, rows.get(1).status("data-protection"));
  }

  @Test
  void aNameThePlatformStopsSendingIsForgotten() {
    members.seen(Sessions.student("u-anna", "Anna"));
    members.seen(Sessions.student("u-anna", null));
    assertEquals(Optional.empty(), progress.course(Sessions.teacher()).get(0).displayName());
  }
}
