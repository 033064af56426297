package eu.somework.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A stored RSA key pair, as a JWK JSON document (encrypted when a key-encryption secret is set).
 * {@code CURRENT} signs; {@code NEXT} is already published so that rotation never surprises a
 * platform that caches our key set.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {
  /** Life of a key. */
  public enum Status { CURRENT, NEXT, RETIRED }

  @Id private String kid;
  private String owner;
  private String status;

  @Column(length = 16000)
  private String jwk;

  private boolean encrypted;

  @Column(name = "created_at")
  private Instant createdAt;

  protected SigningKey() {}

  public SigningKey(String kid, String owner, Status status, String jwk, boolean encrypted, Instant createdAt) {
    this.kid = kid;
    this.owner = owner;
    this.status = status.name();
    this.jwk = jwk;
    this.encrypted = encrypted;
    this.createdAt = createdAt;
  }

  public String kid() {
    return kid;
  }

  public Status status() {
    return Status.valueOf(status);
  }

  public void promoteToCurrent() {
    this.status = Status.CURRENT.name();
  }

  public void retire() {
    this.status = Status.RETIRED.name();
  }

  public String storedJwk() {
    return jwk;
  }

  public boolean isEncrypted() {
    return encrypted;
  }
}
