package eu.somework.simulator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A placement of the tool in the demo course (the default one, or one made by deep linking). */
@Entity
@Table(name = "sim_resource_link")
public class SimResourceLink {
  @Id private String id;
  private String title;
  private String description;

  @Column(name = "custom_json")
  private String customJson;

  @Column(name = "line_item_id")
  private String lineItemId;

  @Column(name = "created_at")
  private Instant createdAt;

  protected SimResourceLink() {}

  SimResourceLink(String id, String title, String description, String customJson, String lineItemId, Instant createdAt) {
    this.id = id;
    this.title = title;
    this.description = description;
    this.customJson = customJson;
    this.lineItemId = lineItemId;
    this.createdAt = createdAt;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  public Optional<String> customJson() {
    return Optional.ofNullable(customJson);
  }

  public Optional<String> lineItemId() {
    return Optional.ofNullable(lineItemId);
  }
}
