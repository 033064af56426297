package eu.somework.launch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Stored launch outcomes of one cell ({@link LaunchTally.Cell}): how many, and when the last one happened. */
@Entity
@Table(name = "launch_activity")
@IdClass(LaunchActivityRow.Key.class)
public class LaunchActivityRow {
  @Id private String issuer;
  @Id @Column(name = "client_id") private String clientId;
  @Id @Column(name = "deployment_id") private String deploymentId;
  @Id private String outcome;

  private long occurrences;

  @Column(name = "last_at")
  private Instant lastAt;

  protected LaunchActivityRow() {}

  LaunchActivityRow(LaunchTally.Cell cell, LaunchTally.Counts counts) {
    this.issuer = cell.issuer();
    this.clientId = cell.clientId();
    this.deploymentId = cell.deploymentId();
    this.outcome = cell.outcome();
    this.occurrences = counts.count();
    this.lastAt = counts.lastAt();
  }

  LaunchTally.Cell cell() {
    return new LaunchTally.Cell(issuer, clientId, deploymentId, outcome);
  }

  LaunchTally.Counts counts() {
    return new LaunchTally.Counts(occurrences, lastAt);
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String issuer;
    private String clientId;
    private String deploymentId;
    private String outcome;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(issuer, k.issuer) && Objects.equals(clientId, k.clientId)
          && Objects.equals(deploymentId, k.deploymentId) && Objects.equals(outcome, k.outcome);
    }

    @Override
    public int hashCode() {
      return Objects.hash(issuer, clientId, deploymentId, outcome);
    }
  }
}
