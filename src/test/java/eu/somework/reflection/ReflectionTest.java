package eu.somework.reflection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import eu.somework.testsupport.Sessions;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of one reflection: drafts, versions, visibility, who reads it. */
class ReflectionTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private final ToolSession anna = Sessions.student("u-anna", "Anna");
  private final Reflection reflection = Reflection.start(CourseKey.of(anna), "u-anna", "data-protection", T0);

  private static ReflectionHtml text(String html) {
    return ReflectionHtml.sanitise(html);
  }

  @Test
  void aNewReflectionIsAnEmptyPrivateDraft() {
    assertEquals(Visibility.PRIVATE, reflection.visibility());
    assertEquals(ReflectionStatus.DRAFT, reflection.status());
    assertTrue(reflection.draft().isEmpty());
    assertTrue(reflection.versions().isEmpty());
  }

  @Test
  void submittingKeepsEachVersionAndRevisingMakesANewOneOnlyOnTheNextSubmit() {
    ReflectionVersion first = reflection.submit(text("<p>first text</p>"), Visibility.PRIVATE, T0.plusSeconds(60));
    assertEquals(1, first.number());
    assertEquals(2, first.words());
    assertEquals(ReflectionStatus.SUBMITTED, reflection.status());

    assertTrue(reflection.saveDraft(text("<p>first text, revised</p>"), Visibility.PRIVATE, T0.plusSeconds(120)));
    assertEquals(ReflectionStatus.DRAFT, reflection.status(), "a revision in progress");
    assertEquals(1, reflection.versions().size(), "revising adds no version by itself");

    ReflectionVersion second = reflection.submit(text("<p>first text, revised</p>"), Visibility.PRIVATE,
        T0.plusSeconds(180));
    assertEquals(2, second.number());
    assertEquals("<p>first text</p>", reflection.versions().get(0).html(), "the first version is unchanged");
    assertEquals(T0.plusSeconds(60), reflection.versions().get(0).submittedAt());
  }

  @Test
  void submittingTheSameTextAgainAddsNoVersion() {
    ReflectionVersion first = reflection.submit(text("<p>same</p>"), Visibility.PRIVATE, T0);
    assertSame(first, reflection.submit(text("<p>same</p>"), Visibility.PRIVATE, T0.plusSeconds(5)));
    assertEquals(1, reflection.versions().size());
  }

  @Test
  void undoingARevisionCountsAsSubmittedAgain() {
    reflection.submit(text("<p>v1</p>"), Visibility.PRIVATE, T0);
    reflection.saveDraft(text("<p>v1 changed</p>"), Visibility.PRIVATE, T0.plusSeconds(1));
    reflection.saveDraft(text("<p>v1</p>"), Visibility.PRIVATE, T0.plusSeconds(2));
    assertEquals(ReflectionStatus.SUBMITTED, reflection.status());
  }

  @Test
  void anEmptyTextCannotBeSubmitted() {
    assertThrows(Reflection.NothingToSubmit.class, () -> reflection.submit(text("<p> </p>"), Visibility.SHARED, T0));
    assertTrue(reflection.versions().isEmpty());
  }

  @Test
  void savingTheSameDraftChangesNothing() {
    assertTrue(reflection.saveDraft(text("<p>x</p>"), Visibility.PRIVATE, T0));
    assertFalse(reflection.saveDraft(text("<p>x</p>"), Visibility.PRIVATE, T0.plusSeconds(9)));
    assertEquals(Optional.of(T0), reflection.draftSavedAt());
    assertTrue(reflection.saveDraft(text("<p>x</p>"), Visibility.SHARED, T0.plusSeconds(9)), "visibility changed");
  }

  @Test
  void aPrivateReflectionIsReadByItsAuthorAndTheCoursesTeachersOnly() {
    reflection.submit(text("<p>mine</p>"), Visibility.PRIVATE, T0);
    assertTrue(reflection.isReadableBy(anna));
    assertTrue(reflection.isReadableBy(Sessions.teacher()));
    assertFalse(reflection.isReadableBy(Sessions.student("u-bartek", "Bartek")));
    assertFalse(reflection.isOnBlog());
  }

  @Test
  void aSharedReflectionIsOnTheBlogOnlyOnceSubmitted() {
    reflection.saveDraft(text("<p>draft</p>"), Visibility.SHARED, T0);
    assertFalse(reflection.isOnBlog(), "drafts are never shown");
    assertFalse(reflection.isReadableBy(Sessions.student("u-bartek", "Bartek")));
    reflection.submit(text("<p>draft</p>"), Visibility.SHARED, T0);
    assertTrue(reflection.isOnBlog());
    assertTrue(reflection.isReadableBy(Sessions.student("u-bartek", "Bartek")));
  }

  @Test
  void nobodyOfAnotherCourseDeploymentOrPlatformReadsIt() {
    reflection.submit(text("<p>shared</p>"), Visibility.SHARED, T0);
    ToolSession otherCourse = Sessions.of(ToolRole.TEACHER, "teacher-1", null, "course-2", "en");
    ToolSession t = Sessions.teacher();
    ToolSession otherDeployment = new ToolSession(t.issuer(), t.clientId(), "deployment-2", t.userId(), t.displayName(),
        t.role(), t.contextId(), t.contextTitle(), t.resourceLinkId(), t.resourceLinkTitle(), t.locale(), t.unit(),
        t.deepLinking(), t.expiresAt());
    ToolSession otherPlatform = new ToolSession("https://other.example", t.clientId(), t.deploymentId(), t.userId(),
        t.displayName(), t.role(), t.contextId(), t.contextTitle(), t.resourceLinkId(), t.resourceLinkTitle(),
        t.locale(), t.unit(), t.deepLinking(), t.expiresAt());
    ToolSession sameUserElsewhere = Sessions.of(ToolRole.STUDENT, "u-anna", "Anna", "course-2", "en");
    for (ToolSession outsider : new ToolSession[] {otherCourse, otherDeployment, otherPlatform, sameUserElsewhere}) {
      assertFalse(reflection.isReadableBy(outsider), outsider.toString());
    }
  }

  @Test
  void aCommentIsRemovedByItsAuthorTheReflectionsAuthorOrATeacherOnly() {
    reflection.submit(text("<p>shared</p>"), Visibility.SHARED, T0);
    ToolSession bartek = Sessions.student("u-bartek", "Bartek");
    ReflectionComment comment = new ReflectionComment(reflection, bartek, "nice", T0);
    assertTrue(comment.isRemovableBy(bartek));
    assertTrue(comment.isRemovableBy(anna));
    assertTrue(comment.isRemovableBy(Sessions.teacher()));
    assertFalse(comment.isRemovableBy(Sessions.student("u-cecilia", "Cecilia")));
    assertFalse(comment.isRemovableBy(Sessions.of(ToolRole.TEACHER, "teacher-1", null, "course-2", "en")));
  }
}
