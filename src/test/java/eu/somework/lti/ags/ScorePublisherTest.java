package eu.somework.lti.ags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.somework.lti.FakeLms;
import eu.somework.lti.FakeLms.Reply;
import eu.somework.lti.ServiceCall;
import eu.somework.lti.ServiceResult;
import eu.somework.lti.ServiceToken;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publishing a score (AGS 2.0 §3.4) to a Moodle-style line item URL, with the score media type. */
class ScorePublisherTest {
  static final Instant NOW = Instant.parse("2026-02-02T08:00:00Z");
  static final ServiceToken TOKEN = new ServiceToken("at-1", Set.of(AgsScope.SCORE), NOW.plusSeconds(3600));
  static final String SCORES = "/mod/lti/services.php/2/lineitems/7/lineitem/scores";

  FakeLms lms;
  URI lineItem;
  final ScorePublisher publisher = new ScorePublisher(new ServiceCall(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(2)));

  @BeforeEach
  void start() throws Exception {
    lms = new FakeLms();
    lineItem = lms.url("/mod/lti/services.php/2/lineitems/7/lineitem?type_id=3");
  }

  @AfterEach
  void stop() {
    lms.close();
  }

  @Test
  void aReleasedGradeIsPostedToTheScoresPathBeforeTheQuery() throws Exception {
    lms.route("POST", SCORES, AgsMediaType.SCORE, null, r -> Reply.json(200, "{}"));
    Score score = Score.graded("sub-aino", 17.5, 20, Optional.of("Clear and well argued."),
        OffsetDateTime.parse("2026-02-02T10:15:30.120+02:00"));

    assertEquals(new ServiceResult.Delivered<Void>(null), publisher.publish(TOKEN, lineItem, score));

    FakeLms.Request sent = lms.last();
    assertEquals(SCORES, sent.uri().getPath());
    assertEquals("type_id=3", sent.uri().getQuery());
    assertEquals("application/vnd.ims.lis.v1.score+json", sent.header("Content-Type"));
    Map<String, Object> json = JSONObjectUtils.parse(sent.body());
    assertEquals("sub-aino", json.get("userId"));
    assertEquals(17.5, ((Number) json.get("scoreGiven")).doubleValue());
    assertEquals(20.0, ((Number) json.get("scoreMaximum")).doubleValue());
    assertEquals("Clear and well argued.", json.get("comment"));
    assertEquals("2026-02-02T10:15:30.120+02:00", json.get("timestamp"));
    assertEquals("Completed", json.get("activityProgress"));
    assertEquals("FullyGraded", json.get("gradingProgress"));
  }

  @Test
  void aSubmissionCarriesNoPointsAndUtcGetsAnExplicitOffsetAndMilliseconds() throws Exception {
    lms.route("POST", SCORES, AgsMediaType.SCORE, null, r -> Reply.json(204, null));
    Score score = Score.submitted("sub-sam", OffsetDateTime.parse("2026-02-02T08:00:00Z"));
    assertEquals(new ServiceResult.Delivered<Void>(null), publisher.publish(TOKEN, lineItem, score));
    Map<String, Object> json = JSONObjectUtils.parse(lms.last().body());
    assertEquals("2026-02-02T08:00:00.000+00:00", json.get("timestamp"));
    assertEquals("Submitted", json.get("activityProgress"));
    assertEquals("PendingManual", json.get("gradingProgress"));
    assertFalse(json.containsKey("scoreGiven"));
    assertFalse(json.containsKey("scoreMaximum"));
  }

  @Test
  void moodlesRefusalOfAUserWhoIsNotAGradableStudentIsAFailureWithItsReason() throws Exception {
    lms.route("POST", SCORES, AgsMediaType.SCORE, null, r -> Reply.of(400, "text/plain", "Incorrect score received"));
    ServiceResult<Void> result = publisher.publish(TOKEN, lineItem,
        Score.graded("sub-teacher", 1, 20, Optional.empty(), OffsetDateTime.parse("2026-02-02T08:00:00Z")));
    assertEquals(new ServiceResult.Failed<Void>(400, "Incorrect score received"), result);
    assertEquals("failed (HTTP 400): Incorrect score received", result.describe());
  }

  @Test
  void anExpiredTokenAsksForANewOne() throws Exception {
    lms.route("POST", SCORES, AgsMediaType.SCORE, null, r -> Reply.json(401, "{\"error\":\"invalid_token\"}"));
    assertEquals(new ServiceResult.TokenRejected<Void>("invalid_token"), publisher.publish(TOKEN, lineItem,
        Score.submitted("sub-sam", OffsetDateTime.parse("2026-02-02T08:00:00Z"))));
  }

  @Test
  void aScoreAsksForItsRequiredParts() {
    OffsetDateTime at = OffsetDateTime.parse("2026-02-02T08:00:00Z");
    assertEquals("scoreMaximum is required with scoreGiven (AGS 2.0 §3.4.4)", assertThrows(IllegalArgumentException.class,
        () -> new Score("u", Optional.of(1.0), Optional.empty(), Optional.empty(), at, ActivityProgress.Completed,
            GradingProgress.FullyGraded)).getMessage());
    assertEquals("a score needs the learner's userId", assertThrows(IllegalArgumentException.class,
        () -> Score.submitted(" ", at)).getMessage());
    assertEquals("scoreGiven must be 0 or more", assertThrows(IllegalArgumentException.class,
        () -> Score.graded("u", -1, 20, Optional.empty(), at)).getMessage());
  }
}
