package eu.somework.simulator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A gradebook column of the demo course. */
@Entity
@Table(name = "sim_line_item")
public class SimLineItem {
  @Id private String id;
  private String label;

  @Column(name = "score_maximum")
  private double scoreMaximum;

  @Column(name = "resource_id")
  private String resourceId;

  private String tag;

  @Column(name = "resource_link_id")
  private String resourceLinkId;

  @Column(name = "created_at")
  private Instant createdAt;

  protected SimLineItem() {}

  SimLineItem(String id, String label, double scoreMaximum, String resourceId, String tag, String resourceLinkId,
      Instant createdAt) {
    this.id = id;
    this.label = label;
    this.scoreMaximum = scoreMaximum;
    this.resourceId = resourceId;
    this.tag = tag;
    this.resourceLinkId = resourceLinkId;
    this.createdAt = createdAt;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public double scoreMaximum() {
    return scoreMaximum;
  }

  public Optional<String> resourceId() {
    return Optional.ofNullable(resourceId);
  }

  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }

  public Optional<String> resourceLinkId() {
    return Optional.ofNullable(resourceLinkId);
  }

  /** A PUT from the tool (AGS 2.0 §3.2.9): label, maximum, ids and tag replaced. */
  void replace(String label, double scoreMaximum, String resourceId, String tag, String resourceLinkId) {
    this.label = label;
    this.scoreMaximum = scoreMaximum;
    this.resourceId = resourceId;
    this.tag = tag;
    this.resourceLinkId = resourceLinkId;
  }
}
