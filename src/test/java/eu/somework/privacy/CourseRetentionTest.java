package eu.somework.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.HandClock;
import eu.somework.testsupport.MigratedDatabase;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Retention on a real database (H2 and PostgreSQL), with time set by hand: exactly the personal
 * data of courses inactive for the configured months goes, at the moment it is due, and no other row.
 */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class CourseRetentionTest {
  /** Course metadata without personal data, which retention leaves (the course may be used again). */
  private static final Set<String> COURSE_METADATA = Set.of("resource_link", "stored_line_item");

  @Parameter DatabaseEngine engine;

  private MigratedDatabase db;
  private People people;
  private HandClock clock;
  private CourseRetention retention;

  @BeforeEach
  void fill() {
    db = MigratedDatabase.emptied(engine);
    people = new People(db);
    people.fill();
    clock = new HandClock(People.NOW);
    retention = CourseRetention.over(db.transactor(), clock);
  }

  @Test
  void aCourseInactiveForTheMonthsLosesItsPersonalDataAndNothingElseChanges() {
    people.lastActive("beta", People.NOW.atZone(ZoneOffset.UTC).minusMonths(12).minusDays(1).toInstant());
    TreeSet<String> before = Schema.snapshot(db);

    CourseRetention.Run run = retention.deleteDue(12);

    assertEquals(withoutCourse(before, "beta"), Schema.snapshot(db));
    // per learner: member, progress, reflection, 2 versions, grade, criterion, audit event; the teacher's
    // membership; 4 comments
    assertEquals(new CourseRetention.Run(1, 2 * 8 + 1 + 4, 0), run);
  }

  @Test
  void aCourseIsKeptUntilTheDayItIsDue() {
    people.lastActive("beta", People.NOW.atZone(ZoneOffset.UTC).minusMonths(12).plusDays(1).toInstant());
    TreeSet<String> before = Schema.snapshot(db);

    assertEquals(new CourseRetention.Run(0, 0, 0), retention.deleteDue(12));
    assertEquals(before, Schema.snapshot(db));

    clock.advance(Duration.ofDays(2));
    assertEquals(1, retention.deleteDue(12).coursesDeleted());
    assertEquals(withoutCourse(before, "beta"), Schema.snapshot(db));
  }

  @Test
  void aCourseWithAScoreNotYetInTheGradebookWaitsForIt() {
    people.waitingScore(People.BOB, "bob", "beta", "PENDING", null);
    people.lastActive("beta", People.NOW.atZone(ZoneOffset.UTC).minusMonths(13).toInstant());
    TreeSet<String> before = Schema.snapshot(db);

    assertEquals(new CourseRetention.Run(0, 0, 1), retention.deleteDue(12));
    assertEquals(before, Schema.snapshot(db));
  }

  @Test
  void aSecondRunAsAnotherInstanceWouldMakeItDeletesNothingMore() {
    people.lastActive("beta", People.NOW.atZone(ZoneOffset.UTC).minusMonths(13).toInstant());
    retention.deleteDue(12);
    TreeSet<String> after = Schema.snapshot(db);

    assertEquals(new CourseRetention.Run(0, 0, 0), retention.deleteDue(12));
    assertEquals(after, Schema.snapshot(db));
  }

  private static TreeSet<String> withoutCourse(TreeSet<String> rows, String course) {
    TreeSet<String> kept = new TreeSet<>();
    rows.stream().filter(row -> COURSE_METADATA.contains(row.substring(0, row.indexOf(' ')))
        || !row.toLowerCase(Locale.ROOT).contains(course)).forEach(kept::add);
    return kept;
  }
}
