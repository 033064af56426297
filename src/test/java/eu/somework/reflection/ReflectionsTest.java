package eu.somework.reflection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.course.CourseMembers;
import eu.somework.persistence.Transactor;
import eu.somework.progress.LearnerProgress;
import eu.somework.progress.ProgressStatus;
import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import eu.somework.testsupport.Sessions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writing, submitting and reading reflections, and the course blog, on the migrated schema of H2
 * and PostgreSQL: what the pages and grading rely on.
 */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class ReflectionsTest {
  private static final String UNIT = "data-protection";
  @Parameter DatabaseEngine engine;

  private Reflections reflections;
  private CourseBlog blog;
  private LearnerProgress progress;
  private final MovingClock clock = new MovingClock();
  private final ToolSession anna = Sessions.student("u-anna", "Anna");
  private final ToolSession bartek = Sessions.student("u-bartek", "Bartek");
  private final ToolSession teacher = Sessions.teacher();

  @BeforeEach
  void open() {
    Transactor tx = MigratedDatabase.emptied(engine).transactor();
    progress = LearnerProgress.over(tx, CourseMembers.over(tx), clock);
    reflections = Reflections.over(tx, progress, clock);
    blog = CourseBlog.over(tx, clock);
  }

  @Test
  void aDraftSurvivesAndIsTheStudentsOwn() {
    reflections.saveDraft(anna, UNIT, "<p>my <strong>draft</strong><script>alert(1)</script></p>", Optional.empty());
    Reflections.MyReflection mine = reflections.mine(anna, UNIT);
    assertEquals("<p>my <strong>draft</strong></p>", mine.draft().html());
    assertEquals(Visibility.PRIVATE, mine.visibility());
    assertEquals(ReflectionStatus.DRAFT, mine.status());
    assertTrue(reflections.mine(bartek, UNIT).draft().isEmpty(), "another student starts empty");
    assertEquals(ProgressStatus.REFLECTION_DRAFT, progress.statusesOf(anna).get(UNIT));
  }

  @Test
  void gradingSeesEverySubmittedVersionAndReadsOneByItsId() {
    Reflections.SubmittedVersion v1 = reflections.submit(anna, UNIT, "<p>one two three</p>", Optional.empty());
    reflections.saveDraft(anna, UNIT, "<p>one two three four</p>", Optional.empty());
    assertEquals(1, reflections.submittedVersions(CourseKey.of(teacher), UNIT).size(), "a draft is no version");
    Reflections.SubmittedVersion v2 = reflections.submit(anna, UNIT, "<p>one two three four</p>", Optional.empty());
    reflections.submit(bartek, UNIT, "<p>other</p>", Optional.of(Visibility.SHARED));

    List<Reflections.SubmittedVersion> all = reflections.submittedVersions(CourseKey.of(teacher), UNIT);
    assertEquals(List.of(v1.versionId(), v2.versionId()), all.stream()
        .filter(v -> v.userId().equals("u-anna")).map(Reflections.SubmittedVersion::versionId).toList());
    assertEquals(3, all.size());
    assertEquals(2, v2.number());
    assertEquals(4, v2.words());
    assertEquals(v1.reflectionId(), v2.reflectionId());

    Reflections.VersionText read = reflections.version(CourseKey.of(teacher), v1.versionId()).orElseThrow();
    assertEquals("<p>one two three</p>", read.text().html());
    assertEquals(v1, read.version());
    assertEquals(ProgressStatus.SUBMITTED, progress.statusesOf(anna).get(UNIT));
  }

  @Test
  void aVersionIdFromAnotherCourseFindsNothing() {
    Reflections.SubmittedVersion v1 = reflections.submit(anna, UNIT, "<p>text</p>", Optional.empty());
    CourseKey other = new CourseKey(Sessions.ISSUER, "client-1", "deployment-2", Sessions.COURSE);
    assertEquals(Optional.empty(), reflections.version(other, v1.versionId()));
    assertEquals(List.of(), reflections.submittedVersions(other, UNIT));
    assertEquals(Optional.empty(), reflections.version(CourseKey.of(teacher), "no-such-version"));
  }

  @Test
  void theTeacherSeesSubmittedReflectionsPrivateAndSharedButNoDrafts() {
    reflections.submit(anna, UNIT, "<p>private one</p>", Optional.empty());
    reflections.submit(bartek, UNIT, "<p>shared one</p>", Optional.of(Visibility.SHARED));
    reflections.saveDraft(Sessions.student("u-cecilia", "Cecilia"), UNIT, "<p>only a draft</p>", Optional.empty());
    List<Reflections.AuthorVersions> seen = reflections.submittedFor(teacher, UNIT);
    assertEquals(List.of("u-bartek", "u-anna"), seen.stream().map(Reflections.AuthorVersions::userId).toList(),
        "newest submission first");
    assertThrows(ReflectionRefused.class, () -> reflections.submittedFor(anna, UNIT));
  }

  @Test
  void onlyStudentsInACourseWrite() {
    ReflectionRefused refused = assertThrows(ReflectionRefused.class,
        () -> reflections.saveDraft(teacher, UNIT, "<p>x</p>", Optional.empty()));
    assertEquals(ReflectionRefused.Reason.NOT_A_WRITER, refused.reason());
    assertThrows(ReflectionRefused.class, () -> reflections.submit(Sessions.anonymous(), UNIT, "<p>x</p>", Optional.empty()));
  }

  @Test
  void anEmptySubmissionIsRefusedAndATooLongTextLeavesTheDraftAsItWas() {
    reflections.saveDraft(anna, UNIT, "<p>kept</p>", Optional.empty());
    ReflectionRefused refused = assertThrows(ReflectionRefused.class,
        () -> reflections.submit(anna, UNIT, "<p>  </p>", Optional.empty()));
    assertEquals(ReflectionRefused.Reason.NOTHING_TO_SUBMIT, refused.reason());
    assertThrows(ReflectionHtml.TextTooLong.class,
        () -> reflections.saveDraft(anna, UNIT, "x".repeat(ReflectionHtml.MAX_INPUT_BYTES + 1), Optional.empty()));
    assertEquals("<p>kept</p>", reflections.mine(anna, UNIT).draft().html());
  }

  @Test
  void aLongReflectionFitsTheColumnsOnBothEngines() {
    String longText = "<p>" + "word ".repeat(19_000) + "</p>";
    Reflections.SubmittedVersion v = reflections.submit(anna, UNIT, longText, Optional.empty());
    assertEquals(19_000, v.words());
    assertEquals(19_000, reflections.mine(anna, UNIT).draft().words());
  }

  @Test
  void twoTabsSavingAtOnceBothSucceedAndOneDraftRemains() {
    List<CompletableFuture<Reflections.MyReflection>> saves = List.of(
        CompletableFuture.supplyAsync(() -> reflections.saveDraft(anna, UNIT, "<p>tab one</p>", Optional.empty())),
        CompletableFuture.supplyAsync(() -> reflections.saveDraft(anna, UNIT, "<p>tab two</p>", Optional.empty())));
    saves.forEach(CompletableFuture::join);
    String draft = reflections.mine(anna, UNIT).draft().html();
    assertTrue(draft.equals("<p>tab one</p>") || draft.equals("<p>tab two</p>"), draft);
  }

  @Test
  void theBlogShowsSharedSubmittedReflectionsOfThisCourseNewestFirst() {
    reflections.submit(anna, UNIT, "<p>anna shares</p>", Optional.of(Visibility.SHARED));
    reflections.submit(bartek, UNIT, "<p>bartek keeps private</p>", Optional.empty());
    reflections.saveDraft(Sessions.student("u-cecilia", "Cecilia"), UNIT, "<p>draft</p>", Optional.of(Visibility.SHARED));
    reflections.submit(Sessions.student("u-dora", "Dora"), "digital-identity", "<p>dora shares</p>",
        Optional.of(Visibility.SHARED));
    ToolSession elsewhere = Sessions.of(ToolRole.STUDENT, "u-erik", "Erik", "course-2", "en");
    reflections.submit(elsewhere, UNIT, "<p>other course</p>", Optional.of(Visibility.SHARED));

    List<CourseBlog.Entry> entries = blog.entries(bartek);
    assertEquals(List.of("u-dora", "u-anna"), entries.stream().map(CourseBlog.Entry::authorUserId).toList());
    assertFalse(entries.stream().anyMatch(e -> e.latest().text().html().contains("private")));
    assertEquals(List.of("u-erik"), blog.entries(elsewhere).stream().map(CourseBlog.Entry::authorUserId).toList());
  }

  @Test
  void commentsGoOnSharedReflectionsOnlyAndAreRemovedByThoseAllowed() {
    String shared = reflections.submit(anna, UNIT, "<p>shared</p>", Optional.of(Visibility.SHARED)).reflectionId();
    String secret = reflections.submit(bartek, UNIT, "<p>private</p>", Optional.empty()).reflectionId();

    blog.comment(bartek, shared, "  <b>Nice</b> point  ");
    ReflectionRefused onPrivate = assertThrows(ReflectionRefused.class, () -> blog.comment(anna, secret, "hi"));
    assertEquals(ReflectionRefused.Reason.NOT_FOUND, onPrivate.reason());
    ToolSession otherCourse = Sessions.of(ToolRole.STUDENT, "u-erik", "Erik", "course-2", "en");
    assertEquals(ReflectionRefused.Reason.NOT_FOUND,
        assertThrows(ReflectionRefused.class, () -> blog.comment(otherCourse, shared, "hi")).reason());
    assertEquals(ReflectionRefused.Reason.EMPTY_COMMENT,
        assertThrows(ReflectionRefused.class, () -> blog.comment(bartek, shared, " \n ")).reason());
    assertEquals(ReflectionRefused.Reason.COMMENT_TOO_LONG,
        assertThrows(ReflectionRefused.class, () -> blog.comment(bartek, shared, "x".repeat(2001))).reason());

    CourseBlog.Comment comment = blog.entries(anna).get(0).comments().get(0);
    assertEquals("<b>Nice</b> point", comment.text(), "plain text, escaped when shown");
    assertTrue(comment.removable(), "the reflection's author may remove it");
    assertFalse(blog.entries(Sessions.student("u-cecilia", "Cecilia")).get(0).comments().get(0).removable());
    assertEquals(ReflectionRefused.Reason.NOT_YOURS, assertThrows(ReflectionRefused.class,
        () -> blog.removeComment(Sessions.student("u-cecilia", "Cecilia"), comment.id())).reason());
    assertEquals(ReflectionRefused.Reason.NOT_FOUND, assertThrows(ReflectionRefused.class,
        () -> blog.removeComment(otherCourse, comment.id())).reason());

    assertEquals(shared, blog.removeComment(teacher, comment.id()));
    assertTrue(blog.entries(anna).get(0).comments().isEmpty());
  }

  /** A clock a second further on at every reading, so "newest first" has an order to check. */
  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-03-01T10:00:00Z");

    @Override
    public synchronized Instant instant() {
      now = now.plusSeconds(1);
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
