package eu.somework.lti.ags;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A score for one learner on one line item (AGS 2.0 §3.4). {@code userId} is the learner's LTI
 * {@code sub}; {@code scoreGiven} and {@code scoreMaximum} are points (the given score at least 0,
 * the maximum above 0, both or neither); {@code comment} is plain text the learner sees;
 * {@code timestamp} is when the tool changed the score — platforms ignore or refuse (Moodle: 409)
 * a score whose timestamp is not later than the one they hold, so it must increase per learner.
 * Sent as ISO 8601 with milliseconds and the offset ({@code 2026-02-02T08:00:00.000+00:00}).
 */
public record Score(
    String userId,
    Optional<Double> scoreGiven,
    Optional<Double> scoreMaximum,
    Optional<String> comment,
    OffsetDateTime timestamp,
    ActivityProgress activityProgress,
    GradingProgress gradingProgress) {

  /** The timestamp's wire format: milliseconds always, offset as {@code +00:00}. */
  public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");

  /**
   * @throws IllegalArgumentException for a blank userId, a missing timestamp or progress, a given
   *     score without a maximum, a negative given score or a maximum not above 0
   */
  public Score {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("a score needs the learner's userId");
    }
    if (timestamp == null || activityProgress == null || gradingProgress == null) {
      throw new IllegalArgumentException("a score needs a timestamp, activityProgress and gradingProgress");
    }
    if (scoreGiven.isPresent() && scoreMaximum.isEmpty()) {
      throw new IllegalArgumentException("scoreMaximum is required with scoreGiven (AGS 2.0 §3.4.4)");
    }
    if (scoreGiven.isPresent() && !(scoreGiven.get() >= 0)) {
      throw new IllegalArgumentException("scoreGiven must be 0 or more");
    }
    if (scoreMaximum.isPresent() && !(scoreMaximum.get() > 0)) {
      throw new IllegalArgumentException("scoreMaximum must be greater than 0");
    }
  }

  /** A submission waiting for the teacher: Submitted, PendingManual, no points. */
  public static Score submitted(String userId, OffsetDateTime timestamp) {
    return new Score(userId, Optional.empty(), Optional.empty(), Optional.empty(), timestamp,
        ActivityProgress.Submitted, GradingProgress.PendingManual);
  }

  /** A released grade: Completed, FullyGraded, the points and the feedback. */
  public static Score graded(String userId, double scoreGiven, double scoreMaximum, Optional<String> comment,
      OffsetDateTime timestamp) {
    return new Score(userId, Optional.of(scoreGiven), Optional.of(scoreMaximum), comment, timestamp,
        ActivityProgress.Completed, GradingProgress.FullyGraded);
  }

  /** The JSON body of the score POST. */
  public String toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("userId", userId);
    scoreGiven.ifPresent(v -> json.put("scoreGiven", v));
    scoreMaximum.ifPresent(v -> json.put("scoreMaximum", v));
    comment.ifPresent(v -> json.put("comment", v));
    json.put("timestamp", TIMESTAMP.format(timestamp));
    json.put("activityProgress", activityProgress.name());
    json.put("gradingProgress", gradingProgress.name());
    return JSONObjectUtils.toJSONString(json);
  }

  @Override
  public String toString() {
    // no comment text: it is the teacher's feedback about a person
    return "Score[userId=" + userId + ", scoreGiven=" + scoreGiven.orElse(null) + ", scoreMaximum="
        + scoreMaximum.orElse(null) + ", timestamp=" + TIMESTAMP.format(timestamp) + ", " + activityProgress + "/"
        + gradingProgress + "]";
  }
}
