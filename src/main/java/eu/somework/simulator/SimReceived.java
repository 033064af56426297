package eu.somework.simulator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message the simulator received from the tool, as a line the simulator page shows. */
@Entity
@Table(name = "sim_received")
public class SimReceived {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sim_received_seq")
  @SequenceGenerator(name = "sim_received_seq", sequenceName = "sim_received_seq", allocationSize = 1)
  private Long id;

  private String kind;
  private String summary;

  @Column(name = "received_at")
  private Instant receivedAt;

  protected SimReceived() {}

  SimReceived(String kind, String summary, Instant receivedAt) {
    this.kind = kind;
    this.summary = summary.length() > 4000 ? summary.substring(0, 4000) : summary;
    this.receivedAt = receivedAt;
  }

  public String kind() {
    return kind;
  }

  public String summary() {
    return summary;
  }

  public Instant receivedAt() {
    return receivedAt;
  }
}
