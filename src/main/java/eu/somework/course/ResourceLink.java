package eu.somework.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A placement of the tool in a course, as its latest launch described it: titles, and the
 * service endpoints a background job needs when no launch is at hand — the AGS line item(s) and
 * scopes (AGS 2.0 §3.1) and the NRPS {@code context_memberships_url} (NRPS 2.0 §3.6.1).
 */
@Entity
@Table(name = "resource_link")
@IdClass(ResourceLink.Key.class)
public class ResourceLink {
  static final int TITLE_LENGTH = 500;
  static final int URL_LENGTH = 1000;

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

  @Column(name = "context_id")
  private String contextId;

  @Column(name = "context_title")
  private String contextTitle;

  private String title;

  @Column(name = "ags_lineitem")
  private String lineItem;

  @Column(name = "ags_lineitems")
  private String lineItems;

  @Column(name = "ags_scopes")
  private String scopes;

  @Column(name = "context_memberships_url")
  private String contextMembershipsUrl;

  @Column(name = "unit_id")
  private String unitId;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected ResourceLink() {}

  ResourceLink(Key key) {
    this.issuer = key.issuer;
    this.clientId = key.clientId;
    this.deploymentId = key.deploymentId;
    this.resourceLinkId = key.resourceLinkId;
  }

  /** Takes what the latest launch said; a claim the platform no longer sends is cleared, not kept. */
  void describe(Optional<String> contextId, Optional<String> contextTitle, Optional<String> title,
      Optional<String> lineItem, Optional<String> lineItems, List<String> scopes, Optional<String> membershipsUrl,
      Optional<String> unitId, Instant now) {
    this.contextId = contextId.orElse(null);
    this.unitId = cut(unitId, 64);
    this.contextTitle = cut(contextTitle, TITLE_LENGTH);
    this.title = cut(title, TITLE_LENGTH);
    this.lineItem = cut(lineItem, URL_LENGTH);
    this.lineItems = cut(lineItems, URL_LENGTH);
    this.scopes = scopes.isEmpty() ? null : cut(Optional.of(String.join(" ", scopes)), 2000);
    this.contextMembershipsUrl = cut(membershipsUrl, URL_LENGTH);
    this.updatedAt = now;
  }

  private static String cut(Optional<String> value, int max) {
    return value.map(String::strip).filter(v -> !v.isEmpty()).map(v -> v.length() > max ? v.substring(0, max) : v)
        .orElse(null);
  }

  public Optional<String> contextId() {
    return Optional.ofNullable(contextId);
  }

  public Optional<String> contextTitle() {
    return Optional.ofNullable(contextTitle);
  }

  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /** The unit the link opens (its custom parameter {@code unit}); empty for the module overview. */
  public Optional<String> unitId() {
    return Optional.ofNullable(unitId);
  }

  /** The resource link id (unique within its deployment). */
  public String resourceLinkId() {
    return resourceLinkId;
  }

  /** The AGS {@code lineitem} URL: opaque, used as given (Moodle's carry a query string). */
  public Optional<String> lineItem() {
    return Optional.ofNullable(lineItem);
  }

  /** The AGS {@code lineitems} (container) URL. */
  public Optional<String> lineItems() {
    return Optional.ofNullable(lineItems);
  }

  /** The AGS scopes the platform granted in the claim. */
  public List<String> scopes() {
    return scopes == null ? List.of() : List.of(scopes.split(" "));
  }

  /** The NRPS {@code context_memberships_url}. */
  public Optional<String> contextMembershipsUrl() {
    return Optional.ofNullable(contextMembershipsUrl);
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
