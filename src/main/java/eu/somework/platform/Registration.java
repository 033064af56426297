package eu.somework.platform;

import eu.somework.lti.PlatformRegistration;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A registration of the tool on a platform (issuer + client id) with its deployments. */
@Entity
@Table(name = "platform_registration")
public class Registration {
  /**
   * Where a registration came from: a file of the configuration folder, the built-in simulator,
   * LTI Dynamic Registration, or a tool administrator (the administrators' API or console).
   */
  public enum Origin { FILE, SIMULATOR, DYNAMIC, ADMIN }

  // a sequence works on H2 2.x and PostgreSQL alike (see V1__launch_foundation.sql); one id per
  // call, as registrations are few
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "platform_registration_seq")
  @SequenceGenerator(name = "platform_registration_seq", sequenceName = "platform_registration_seq",
      allocationSize = 1)
  private Long id;

  private String name;
  private String issuer;

  @Column(name = "client_id")
  private String clientId;

  @Column(name = "authorization_endpoint")
  private String authorizationEndpoint;

  @Column(name = "token_endpoint")
  private String tokenEndpoint;

  @Column(name = "jwks_uri")
  private String jwksUri;

  @Column(name = "origin")
  private String origin;

  @Column(name = "source_file")
  private String sourceFile;

  @Column(name = "updated_at")
  private Instant updatedAt;

  /** False when a tool administrator switched the registration off: no launches, scores wait. */
  @Column(name = "enabled")
  private boolean enabled = true;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "platform_deployment", joinColumns = @JoinColumn(name = "registration_id"))
  @Column(name = "deployment_id")
  private Set<String> deploymentIds = new HashSet<>();

  protected Registration() {}

  public Registration(String issuer, String clientId) {
    this.issuer = issuer;
    this.clientId = clientId;
  }

  /** Takes name, endpoints and the exact set of deployments from a newer description. */
  public void updateFrom(PlatformRegistration description, Origin origin, String sourceFile, Instant now) {
    this.name = description.name();
    this.authorizationEndpoint = description.authorizationEndpoint().toString();
    this.tokenEndpoint = description.tokenEndpoint().toString();
    this.jwksUri = description.jwksUri().toString();
    this.deploymentIds.retainAll(description.deploymentIds());
    this.deploymentIds.addAll(description.deploymentIds());
    this.origin = origin.name();
    this.sourceFile = sourceFile;
    this.updatedAt = now;
  }

  public PlatformRegistration toProtocol() {
    return new PlatformRegistration(
        name, issuer, clientId, deploymentIds,
        URI.create(authorizationEndpoint), URI.create(tokenEndpoint), URI.create(jwksUri));
  }

  public String issuer() {
    return issuer;
  }

  public String name() {
    return name;
  }

  /** True when this registration was loaded from a file of the configuration folder. */
  public boolean cameFromFile() {
    return Origin.FILE.name().equals(origin);
  }

  /** The configuration file it was loaded from, when it came from one. */
  public java.util.Optional<String> sourceFile() {
    return java.util.Optional.ofNullable(sourceFile);
  }

  public String clientId() {
    return clientId;
  }

  /** The database id (what the administrators' API names a registration by). */
  public long id() {
    return id;
  }

  /** Where it came from. */
  public Origin origin() {
    return Origin.valueOf(origin);
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The deployment ids, sorted. */
  public java.util.List<String> deploymentIds() {
    return deploymentIds.stream().sorted().toList();
  }

  /** Whether it may launch (and send scores); true unless an administrator switched it off. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Switches launches and score delivery on or off. Reloading the platform files never calls this,
   * so a registration switched off stays off across restarts.
   */
  public void switchTo(boolean enabled, Instant now) {
    if (this.enabled != enabled) {
      this.enabled = enabled;
      this.updatedAt = now;
    }
  }
}
