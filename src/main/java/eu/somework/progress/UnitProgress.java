package eu.somework.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A learner's progress in one unit of one course. It only ever moves forward. */
@Entity
@Table(name = "unit_progress")
@IdClass(UnitProgress.Key.class)
public class UnitProgress {
  @Id private String issuer;

  @Id
  @Column(name = "client_id")
  private String clientId;

  @Id
  @Column(name = "deployment_id")
  private String deploymentId;

  @Id
  @Column(name = "user_id")
  private String userId;

  @Id
  @Column(name = "context_id")
  private String contextId;

  @Id
  @Column(name = "unit_id")
  private String unitId;

  @Enumerated(EnumType.STRING)
  private ProgressStatus status;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected UnitProgress() {}

  UnitProgress(Key key, ProgressStatus status, Instant now) {
    this.issuer = key.issuer;
    this.clientId = key.clientId;
    this.deploymentId = key.deploymentId;
    this.userId = key.userId;
    this.contextId = key.contextId;
    this.unitId = key.unitId;
    this.status = status;
    this.updatedAt = now;
  }

  /** Moves to {@code next} if that is further on; opening a unit again never undoes a submission. */
  boolean advanceTo(ProgressStatus next, Instant now) {
    if (!status.isBefore(next)) {
      return false;
    }
    status = next;
    updatedAt = now;
    return true;
  }

  String userId() {
    return userId;
  }

  String unitId() {
    return unitId;
  }

  ProgressStatus status() {
    return status;
  }

  /** Composite key: issuer, user, course, unit. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String issuer;
    private String clientId;
    private String deploymentId;
    private String userId;
    private String contextId;
    private String unitId;

    public Key() {}

    Key(String issuer, String clientId, String deploymentId, String userId, String contextId, String unitId) {
      this.issuer = issuer;
      this.clientId = clientId;
      this.deploymentId = deploymentId;
      this.userId = userId;
      this.contextId = contextId;
      this.unitId = unitId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(issuer, k.issuer) && Objects.equals(clientId, k.clientId)
          && Objects.equals(deploymentId, k.deploymentId) && Objects.equals(userId, k.userId)
          && Objects.equals(contextId, k.contextId) && Objects.equals(unitId, k.unitId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(issuer, clientId, deploymentId, userId, contextId, unitId);
    }
  }
}
