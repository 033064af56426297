package eu.somework.simulator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * The score the simulator's gradebook holds for one learner on one line item. Like Moodle it keeps
 * one per pair, replaced only by a score with a later timestamp, and keeps {@code scoreGiven} only
 * when grading is FullyGraded.
 */
@Entity
@Table(name = "sim_score")
public class SimScore {
  @Id private String id;

  @Column(name = "line_item_id")
  private String lineItemId;

  @Column(name = "user_id")
  private String userId;

  @Column(name = "score_given")
  private Double scoreGiven;

  @Column(name = "score_maximum")
  private double scoreMaximum;

  @Column(name = "score_comment")
  private String comment;

  @Column(name = "activity_progress")
  private String activityProgress;

  @Column(name = "grading_progress")
  private String gradingProgress;

  @Column(name = "score_timestamp")
  private Instant timestamp;

  @Column(name = "timestamp_text")
  private String timestampText;

  @Column(name = "received_at")
  private Instant receivedAt;

  protected SimScore() {}

  SimScore(String lineItemId, String userId, Instant receivedAt) {
    this.id = lineItemId + " " + userId;
    this.lineItemId = lineItemId;
    this.userId = userId;
    this.receivedAt = receivedAt;
  }

  /** Takes the values of a newer score (the caller checked that its timestamp is later). */
  void take(Double scoreGiven, double scoreMaximum, String comment, String activityProgress, String gradingProgress,
      Instant timestamp, String timestampText, Instant receivedAt) {
    this.scoreGiven = "FullyGraded".equals(gradingProgress) ? scoreGiven : null;
    this.scoreMaximum = scoreMaximum;
    this.comment = comment == null || comment.length() <= 4000 ? comment : comment.substring(0, 4000);
    this.activityProgress = activityProgress;
    this.gradingProgress = gradingProgress;
    this.timestamp = timestamp;
    this.timestampText = timestampText;
    this.receivedAt = receivedAt;
  }

  /**
   * A teacher changed the grade in the platform's own gradebook: the points change, fully graded;
   * the tool's timestamp stays, so the tool's next (later) score replaces the change, as a regrade
   * released in the tool does.
   */
  void override(double scoreGiven, double scoreMaximum, Instant timestamp, String timestampText, Instant now) {
    this.scoreGiven = scoreGiven;
    this.scoreMaximum = scoreMaximum;
    this.gradingProgress = "FullyGraded";
    if (this.activityProgress == null) {
      this.activityProgress = "Completed";
    }
    if (this.timestamp == null) {
      this.timestamp = timestamp;
      this.timestampText = timestampText;
    }
    this.receivedAt = now;
  }

  /** Whether a score with {@code timestamp} may replace this one: only a strictly later one may. */
  boolean isOlderThan(Instant other) {
    return timestamp == null || other.isAfter(timestamp);
  }

  public String lineItemId() {
    return lineItemId;
  }

  public String userId() {
    return userId;
  }

  public Optional<Double> scoreGiven() {
    return Optional.ofNullable(scoreGiven);
  }

  public double scoreMaximum() {
    return scoreMaximum;
  }

  public Optional<String> comment() {
    return Optional.ofNullable(comment);
  }

  public String activityProgress() {
    return activityProgress;
  }

  public String gradingProgress() {
    return gradingProgress;
  }

  /** The timestamp as the tool sent it. */
  public String timestampText() {
    return timestampText;
  }

  public Instant timestamp() {
    return timestamp;
  }
}
