package eu.somework.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.course.ResourceLinks;
import eu.somework.lti.FakeLms;
import eu.somework.lti.FakeLms.Reply;
import eu.somework.lti.LtiLaunch;
import eu.somework.lti.MessageType;
import eu.somework.lti.ags.AgsMediaType;
import eu.somework.lti.ags.AgsScope;
import eu.somework.reflection.CourseKey;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The check before a regrade overwrites the gradebook: the platform's result (a stand-in LMS,
 * FakeLms) against the last graded score it took (a real database).
 */
class GradebookCheckTest {
  private static final String ISSUER = FakeMoodle.ISSUER;
  private static final String LINE_ITEM_PATH = "/mod/lti/services.php/2/lineitems/7/lineitem";
  private static final String RESULTS_PATH = LINE_ITEM_PATH + "/results";
  private static final CourseKey COURSE = new CourseKey(ISSUER, "client-1", "dep-1", "course-1");

  private FakeMoodle moodle;
  private FakeLms lms;
  private ResourceLinks links;
  private ScoreOutbox outbox;
  private GradebookCheck check;

  @BeforeEach
  void open() throws Exception {
    Clock clock = Clock.systemUTC();
    moodle = new FakeMoodle(clock);
    lms = moodle.lms;
    MigratedDatabase db = MigratedDatabase.emptied(DatabaseEngine.H2);
    links = ResourceLinks.over(db.transactor());
    outbox = ScoreOutbox.over(db.transactor(), clock, new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1),
        () -> 1.0));
    check = GradebookCheck.over(links, StoredLineItems.over(db.transactor(), clock), moodle.platforms(),
        moodle.tokens(), outbox, clock);
  }

  @AfterEach
  void close() {
    moodle.close();
  }

  private void launch(List<String> scopes) {
    links.record(new LtiLaunch(ISSUER, "client-1", "dep-1", Optional.of("teacher"), MessageType.RESOURCE_LINK,
        List.of(), Set.of(), Optional.of(new LtiLaunch.Context("course-1", Optional.empty(), Optional.empty())),
        Optional.of(new LtiLaunch.ResourceLink("link-dp", Optional.of("Data protection reflection"))),
        Optional.empty(), Optional.empty(), Map.of("unit", "data-protection"), Optional.empty(),
        Optional.of(new LtiLaunch.GradeService(scopes, Optional.empty(),
            Optional.of(lms.url(LINE_ITEM_PATH + "?type_id=3").toString()))),
        Optional.empty(), Optional.empty(), "https://tool.example/lti/launch"));
  }

  /** The platform took a grade of {@code points}/10 for sam. */
  private void delivered(double points) {
    outbox.enqueue(new ScoreTarget(ISSUER, "client-1", "dep-1", "link-dp", Optional.of("data-protection"), "sam"),
        ScoreProgress.GRADED, OptionalDouble.of(points), OptionalDouble.of(10), Optional.empty());
    outbox.deliverDue(entry -> new DeliveryOutcome.Delivered(200), "w1", 10);
  }

  private void lmsHolds(String results) {
    lms.route("GET", RESULTS_PATH, null, AgsMediaType.RESULT_CONTAINER,
        r -> Reply.of(200, AgsMediaType.RESULT_CONTAINER, results));
  }

  private static final List<String> ALL = List.of(AgsScope.SCORE, AgsScope.RESULT_READONLY);

  @Test
  void aGradeChangedInTheLmsIsReportedWithWhatWasSent() {
    launch(ALL);
    delivered(6);
    lmsHolds("[{\"userId\":\"sam\",\"resultScore\":7,\"resultMaximum\":10,\"scoreOf\":\"x\"}]");
    GradebookCheck.Verdict.Changed changed = assertInstanceOf(GradebookCheck.Verdict.Changed.class,
        check.check(COURSE, "data-protection", "sam"));
    assertEquals(Optional.of(new GradebookCheck.Points(7, 10)), changed.held());
    assertEquals(new GradebookCheck.Points(6, 10), changed.sent());
    FakeLms.Request read = lms.last();
    assertEquals("type_id=3&user_id=sam", read.uri().getRawQuery(), "one learner's result, the query kept");
    assertEquals(AgsMediaType.RESULT_CONTAINER, read.header("Accept"));
    assertTrue(lms.requests().get(0).body().contains("result.readonly"), "the token asks for the result scope");
  }

  @Test
  void theSameGradeScaledToTheLineItemsMaximumIsNoChange() {
    launch(ALL);
    delivered(6);
    lmsHolds("[{\"userId\":\"sam\",\"resultScore\":60,\"resultMaximum\":100}]");
    assertEquals(new GradebookCheck.Verdict.Same(), check.check(COURSE, "data-protection", "sam"));
  }

  @Test
  void aGradeRemovedInTheLmsIsAChange() {
    launch(ALL);
    delivered(6);
    lmsHolds("[]");
    GradebookCheck.Verdict.Changed changed = assertInstanceOf(GradebookCheck.Verdict.Changed.class,
        check.check(COURSE, "data-protection", "sam"));
    assertEquals(Optional.empty(), changed.held());
  }

  @Test
  void withoutADeliveredGradeThePlatformIsNotAsked() {
    launch(ALL);
    assertEquals(new GradebookCheck.Verdict.NothingSent(), check.check(COURSE, "data-protection", "sam"));
    assertTrue(lms.requests().isEmpty());
  }

  @Test
  void withoutTheResultScopeTheCheckIsSkippedQuietly() {
    launch(List.of(AgsScope.SCORE));
    delivered(6);
    assertEquals(new GradebookCheck.Verdict.NotOffered(), check.check(COURSE, "data-protection", "sam"));
    assertTrue(lms.requests().isEmpty(), "nothing asked of the platform");
  }

  @Test
  void aPlatformThatFailsOrIsSlowGivesCouldNotCheckWithinTheTimeBound() {
    launch(ALL);
    delivered(6);
    lms.route("GET", RESULTS_PATH, null, AgsMediaType.RESULT_CONTAINER,
        r -> Reply.of(500, "text/plain", "database error"));
    GradebookCheck.Verdict.Unreadable down = assertInstanceOf(GradebookCheck.Verdict.Unreadable.class,
        check.check(COURSE, "data-protection", "sam"));
    assertTrue(down.reason().contains("HTTP 500"), down.reason());

    lms.route("GET", RESULTS_PATH, null, AgsMediaType.RESULT_CONTAINER,
        r -> Reply.of(200, AgsMediaType.RESULT_CONTAINER, "[]").after(Duration.ofSeconds(20)));
    long start = System.nanoTime();
    assertInstanceOf(GradebookCheck.Verdict.Unreadable.class, check.check(COURSE, "data-protection", "sam"));
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(GradebookCheck.TIMEOUT.plusSeconds(2)) < 0,
        "the page does not wait for a hanging platform");
  }
}
