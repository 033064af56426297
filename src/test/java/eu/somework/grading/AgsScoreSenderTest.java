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
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import eu.somework.testsupport.ModuleFixtures;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scores from the outbox to a platform's gradebook over real HTTP. The platform is a stand-in
 * (FakeLms, strict about media types as Moodle is); the database is real.
 */
class AgsScoreSenderTest {
  private static final String ISSUER = FakeMoodle.ISSUER;
  private static final String LINE_ITEM_PATH = "/mod/lti/services.php/2/lineitems/7/lineitem";
  private static final String SCORES_PATH = LINE_ITEM_PATH + "/scores";
  private static final String CONTAINER_PATH = "/mod/lti/services.php/2/lineitems";

  private FakeMoodle moodle;
  private FakeLms lms;
  private MigratedDatabase db;
  private ResourceLinks links;
  private AgsScoreSender sender;
  private ScoreOutbox outbox;

  @BeforeEach
  void open() throws Exception {
    Clock clock = Clock.systemUTC();
    moodle = new FakeMoodle(clock);
    lms = moodle.lms;
    db = MigratedDatabase.emptied(DatabaseEngine.H2);
    links = ResourceLinks.over(db.transactor());
    sender = AgsScoreSender.over(links, moodle.platforms(), moodle.tokens(), ModuleFixtures.CATALOGUE, clock);
    outbox = ScoreOutbox.over(db.transactor(), clock, new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1),
        () -> 1.0));
  }

  @AfterEach
  void close() {
    moodle.close();
  }

  private void launchWith(List<String> scopes, Optional<URI> lineItems, Optional<URI> lineItem) {
    links.record(new LtiLaunch(ISSUER, "client-1", "dep-1", Optional.of("teacher"), MessageType.RESOURCE_LINK,
        List.of(), Set.of(), Optional.of(new LtiLaunch.Context("course-1", Optional.empty(), Optional.empty())),
        Optional.of(new LtiLaunch.ResourceLink("link-dp", Optional.of("Data protection reflection"))),
        Optional.empty(), Optional.empty(), Map.of("unit", "data-protection"), Optional.empty(),
        Optional.of(new LtiLaunch.GradeService(scopes, lineItems.map(URI::toString), lineItem.map(URI::toString))),
        Optional.empty(), Optional.empty(), "https://tool.example/lti/launch"));
  }

  private void moodleLaunch() {
    launchWith(List.of(AgsScope.SCORE, AgsScope.LINE_ITEM), Optional.of(lms.url(CONTAINER_PATH + "?type_id=3")),
        Optional.of(lms.url(LINE_ITEM_PATH + "?type_id=3")));
  }

  private OutboxEntry.Snapshot graded() {
    return outbox.enqueue(new ScoreTarget(ISSUER, "client-1", "dep-1", "link-dp", Optional.of("data-protection"),
        "sam"), ScoreProgress.GRADED, OptionalDouble.of(17), OptionalDouble.of(20), Optional.of("Well argued."));
  }

  @Test
  void aGradeIsPostedToTheScoresUrlInsideTheLineItemsPathWithTheScoreMediaType() {
    moodleLaunch();
    lms.route("POST", SCORES_PATH, AgsMediaType.SCORE, null, r -> Reply.json(200, "{}"));
    assertEquals(new DeliveryOutcome.Delivered(200), sender.send(graded()));
    FakeLms.Request posted = lms.last();
    assertEquals("type_id=3", posted.uri().getQuery(), "the query stays after /scores");
    assertEquals("Bearer at-1", posted.header("Authorization"));
    assertTrue(posted.body().contains("\"userId\":\"sam\""), posted.body());
    assertTrue(posted.body().contains("\"scoreGiven\":17"), posted.body());
    assertTrue(posted.body().contains("\"comment\":\"Well argued.\""), posted.body());
    assertTrue(posted.body().contains("\"gradingProgress\":\"FullyGraded\""), posted.body());
  }

  @Test
  void theTokenIsAskedForOnlyWithTheScopesNeededAndReused() {
    moodleLaunch();
    lms.route("POST", SCORES_PATH, AgsMediaType.SCORE, null, r -> Reply.json(200, "{}"));
    sender.send(graded());
    sender.send(graded());
    assertEquals(1, moodle.tokensIssued(), "one token for both scores");
    FakeLms.Request tokenRequest = lms.requests().get(0);
    assertTrue(tokenRequest.body().contains("scope=" + java.net.URLEncoder.encode(AgsScope.SCORE,
        java.nio.charset.StandardCharsets.UTF_8)), "only the score scope: the launch gave a line item");
  }

  @Test
  void aPlatformThatIsDownOrBusyIsTriedLaterAndItsRetryAfterIsKept() {
    moodleLaunch();
    lms.route("POST", SCORES_PATH, AgsMediaType.SCORE, null, r -> Reply.of(503, "text/plain", "maintenance"));
    assertInstanceOf(DeliveryOutcome.RetryLater.class, sender.send(graded()));
    lms.route("POST", SCORES_PATH, AgsMediaType.SCORE, null,
        r -> Reply.of(429, "text/plain", "slow down").with("Retry-After", "120"));
    DeliveryOutcome.RetryLater busy = (DeliveryOutcome.RetryLater) sender.send(graded());
    Duration asked = busy.retryAfter().orElseThrow();
    assertTrue(asked.getSeconds() >= 118 && asked.getSeconds() <= 120, asked.toString());
  }

  @Test
  void aRefusalCarriesThePlatformsReasonAndAConflictIsOutdated() {
    moodleLaunch();
    lms.route("POST", SCORES_PATH, AgsMediaType.SCORE, null,
        r -> Reply.of(400, "text/plain", "Incorrect score received"));
    DeliveryOutcome.Refused refused = (DeliveryOutcome.Refused) sender.send(graded());
    assertEquals(400, refused.code());
    assertTrue(refused.reason().contains("Incorrect score received"), refused.reason());
    lms.route("POST", SCORES_PATH, AgsMediaType.SCORE, null, r -> Reply.of(409, "text/plain", "newer held"));
    assertEquals(new DeliveryOutcome.Outdated(409), sender.send(graded()));
  }

  @Test
  void aRejectedTokenIsReplacedOnceAndTheScoreArrives() {
    moodleLaunch();
    AtomicInteger calls = new AtomicInteger();
    lms.route("POST", SCORES_PATH, AgsMediaType.SCORE, null, r -> calls.incrementAndGet() == 1
        ? Reply.json(401, "{\"error\":\"invalid_token\"}") : Reply.json(200, "{}"));
    assertEquals(new DeliveryOutcome.Delivered(200), sender.send(graded()));
    assertEquals(2, moodle.tokensIssued());
    assertEquals("Bearer at-2", lms.last().header("Authorization"));
  }

  @Test
  void aTokenRejectedTwiceIsARefusal() {
    moodleLaunch();
    lms.route("POST", SCORES_PATH, AgsMediaType.SCORE, null, r -> Reply.json(401, "{\"error\":\"invalid_token\"}"));
    DeliveryOutcome.Refused refused = (DeliveryOutcome.Refused) sender.send(graded());
    assertEquals(401, refused.code());
  }

  @Test
  void withoutALineItemInTheLaunchOneIsCreatedAndTheScoreGoesThere() {
    launchWith(List.of(AgsScope.SCORE, AgsScope.LINE_ITEM), Optional.of(lms.url(CONTAINER_PATH + "?type_id=3")),
        Optional.empty());
    lms.route("GET", CONTAINER_PATH, null, AgsMediaType.LINE_ITEM_CONTAINER, r -> Reply.of(200,
        AgsMediaType.LINE_ITEM_CONTAINER, "[]"));
    lms.route("POST", CONTAINER_PATH, AgsMediaType.LINE_ITEM, null, r -> Reply.of(201, AgsMediaType.LINE_ITEM,
        "{\"id\":\"" + lms.url(LINE_ITEM_PATH + "?type_id=3") + "\",\"label\":\"Data protection reflection\","
            + "\"scoreMaximum\":20,\"resourceLinkId\":\"link-dp\",\"resourceId\":\"data-protection\"}"));
    lms.route("POST", SCORES_PATH, AgsMediaType.SCORE, null, r -> Reply.json(200, "{}"));
    assertEquals(new DeliveryOutcome.Delivered(200), sender.send(graded()));
    FakeLms.Request created = lms.requests().stream().filter(r -> r.method().equals("POST")
        && r.uri().getPath().equals(CONTAINER_PATH)).findFirst().orElseThrow();
    assertTrue(created.body().contains("\"resourceLinkId\":\"link-dp\""), created.body());
    assertTrue(created.body().contains("\"scoreMaximum\":20"), created.body());
    assertTrue(created.body().contains("\"submissionReview\":{\"reviewableStatus\":[\"Submitted\",\"Completed\"]}"),
        "the platform may open a handed-in reflection from its gradebook: " + created.body());
  }

  @Test
  void aLaunchThatOffersNoScoreScopeIsRefusedByTheToolWithAReason() {
    launchWith(List.of(AgsScope.LINE_ITEM_READONLY), Optional.empty(), Optional.of(lms.url(LINE_ITEM_PATH)));
    DeliveryOutcome.Refused refused = (DeliveryOutcome.Refused) sender.send(graded());
    assertEquals(0, refused.code());
    assertTrue(refused.reason().contains("does not let the tool send scores"), refused.reason());
    assertTrue(lms.requests().isEmpty(), "nothing sent to the platform");
  }
}
