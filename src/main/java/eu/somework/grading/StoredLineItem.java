package eu.somework.grading;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The gradebook column (AGS 2.0 line item URL) of one resource link, once known, and the claim of
 * the one worker that may search for or create it while it is not. Changed only through the
 * conditional updates of {@link StoredLineItems}.
 */
@Entity
@Table(name = "stored_line_item")
@IdClass(StoredLineItem.Key.class)
public class StoredLineItem {
  @Id private String issuer;

  @Id
  @Column(name = "client_id")
  private String clientId;

  @Id
  @Column(name = "deployment_id")
  private String deploymentId;

  @Id
  @Column(name = "resource_link_id")
  private String resourceLinkId;

  @Column(name = "lineitem_url")
  private String lineItemUrl;

  @Column(name = "resolving_by")
  private String resolvingBy;

  @Column(name = "resolving_until")
  private Instant resolvingUntil;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected StoredLineItem() {}

  StoredLineItem(LinkKey link, Instant now) {
    this.issuer = link.issuer();
    this.clientId = link.clientId();
    this.deploymentId = link.deploymentId();
    this.resourceLinkId = link.resourceLinkId();
    this.updatedAt = now;
  }

  static Key key(LinkKey link) {
    return new Key(link.issuer(), link.clientId(), link.deploymentId(), link.resourceLinkId());
  }

  String lineItemUrl() {
    return lineItemUrl;
  }

  /** Composite key: registration (issuer, client id), deployment, resource link id. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String issuer;
    private String clientId;
    private String deploymentId;
    private String resourceLinkId;

    public Key() {}

    Key(String issuer, String clientId, String deploymentId, String resourceLinkId) {
      this.issuer = issuer;
      this.clientId = clientId;
      this.deploymentId = deploymentId;
      this.resourceLinkId = resourceLinkId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(issuer, k.issuer) && Objects.equals(clientId, k.clientId)
          && Objects.equals(deploymentId, k.deploymentId) && Objects.equals(resourceLinkId, k.resourceLinkId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(issuer, clientId, deploymentId, resourceLinkId);
    }
  }
}
