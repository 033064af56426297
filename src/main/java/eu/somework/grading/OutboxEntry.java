package eu.somework.grading;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * One score on its way to a gradebook, and afterwards the record of what was sent. Holds the score
 * exactly as first written (the same {@code timestamp} on every attempt, so a repeat is harmless)
 * and the delivery's state: attempts, the next one, the claim of the worker sending it, the
 * platform's last answer.
 */
@Entity
@Table(name = "score_outbox")
public class OutboxEntry {
  static final int COMMENT_LENGTH = 4000;
  static final int ERROR_LENGTH = 500;

  @Id private String id;
  private String issuer;

  @Column(name = "client_id")
  private String clientId;

  @Column(name = "deployment_id")
  private String deploymentId;

  @Column(name = "resource_link_id")
  private String resourceLinkId;

  @Column(name = "unit_id")
  private String unitId;

  @Column(name = "user_id")
  private String userId;

  @Column(name = "score_given")
  private Double scoreGiven;

  @Column(name = "score_maximum")
  private Double scoreMaximum;

  private String comment;

  @Column(name = "activity_progress")
  private String activityProgress;

  @Column(name = "grading_progress")
  private String gradingProgress;

  @Column(name = "score_timestamp")
  private Instant timestamp;

  @Enumerated(EnumType.STRING)
  private OutboxState state;

  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "claimed_by")
  private String claimedBy;

  @Column(name = "claimed_until")
  private Instant claimedUntil;

  @Column(name = "last_status")
  private Integer lastStatus;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  protected OutboxEntry() {}

  OutboxEntry(ScoreTarget target, ScoreProgress progress, OptionalDouble scoreGiven, OptionalDouble scoreMaximum,
      Optional<String> comment, Instant timestamp, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.issuer = target.issuer();
    this.clientId = target.clientId();
    this.deploymentId = target.deploymentId();
    this.resourceLinkId = target.resourceLinkId();
    this.unitId = target.unitId().orElse(null);
    this.userId = target.userId();
    this.scoreGiven = scoreGiven.isPresent() ? scoreGiven.getAsDouble() : null;
    this.scoreMaximum = scoreMaximum.isPresent() ? scoreMaximum.getAsDouble() : null;
    this.comment = comment.map(c -> c.length() > COMMENT_LENGTH ? c.substring(0, COMMENT_LENGTH) : c).orElse(null);
    this.activityProgress = progress.activityProgress();
    this.gradingProgress = progress.gradingProgress();
    this.timestamp = timestamp;
    this.state = OutboxState.PENDING;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  /** An immutable copy, for the sender (which runs outside the transaction) and for pages. */
  public record Snapshot(String id, ScoreTarget target, ScoreProgress progress, OptionalDouble scoreGiven,
      OptionalDouble scoreMaximum, Optional<String> comment, Instant timestamp, OutboxState state, int attempts,
      Instant nextAttemptAt, Optional<Integer> lastStatus, Optional<String> lastError, Optional<Instant> finishedAt) {}

  public Snapshot snapshot() {
    return new Snapshot(id, target(), ScoreProgress.of(activityProgress),
        scoreGiven == null ? OptionalDouble.empty() : OptionalDouble.of(scoreGiven),
        scoreMaximum == null ? OptionalDouble.empty() : OptionalDouble.of(scoreMaximum),
        Optional.ofNullable(comment), timestamp, state, attempts, nextAttemptAt, Optional.ofNullable(lastStatus),
        Optional.ofNullable(lastError), Optional.ofNullable(finishedAt));
  }

  ScoreTarget target() {
    return new ScoreTarget(issuer, clientId, deploymentId, resourceLinkId, Optional.ofNullable(unitId), userId);
  }

  String id() {
    return id;
  }

  Instant timestamp() {
    return timestamp;
  }

  OutboxState state() {
    return state;
  }

  int attempts() {
    return attempts;
  }

  /** Whether this worker's claim on the entry still holds (another may have taken it after expiry). */
  boolean claimedBy(String worker) {
    return state == OutboxState.PENDING && worker.equals(claimedBy);
  }

  /** Whether a worker's claim on the entry holds at {@code now} (it may be sending it this moment). */
  boolean claimedAt(Instant now) {
    return claimedUntil != null && claimedUntil.isAfter(now);
  }

  /** A newer score for the same user and link was written before this one left. */
  void supersede(Instant now) {
    finish(OutboxState.SUPERSEDED, now);
  }

  void delivered(int status, Instant now) {
    lastStatus = status;
    lastError = null;
    finish(OutboxState.DELIVERED, now);
  }

  void outdated(int status, Instant now) {
    lastStatus = status;
    lastError = null;
    finish(OutboxState.OUTDATED, now);
  }

  void refused(int status, String reason, Instant now) {
    attempts++;
    lastStatus = status;
    lastError = shorten(reason);
    finish(OutboxState.FAILED, now);
  }

  /** Counts the attempt and sets the next one {@code delay} from {@code now}; the claim ends. */
  void retryLater(Optional<Integer> status, String reason, Duration delay, Instant now) {
    attempts++;
    lastStatus = status.orElse(null);
    lastError = shorten(reason);
    nextAttemptAt = now.plus(delay);
    release();
  }

  /** A teacher asked to try a failed score again: due now, with a fresh count. */
  void retryNow(Instant now) {
    state = OutboxState.PENDING;
    attempts = 0;
    nextAttemptAt = now;
    finishedAt = null;
    release();
  }

  private void finish(OutboxState finalState, Instant now) {
    state = finalState;
    finishedAt = now;
    release();
  }

  private void release() {
    claimedBy = null;
    claimedUntil = null;
  }

  private static String shorten(String reason) {
    return reason == null || reason.length() <= ERROR_LENGTH ? reason : reason.substring(0, ERROR_LENGTH - 1) + "…";
  }
}
