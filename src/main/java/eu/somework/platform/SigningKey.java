package eu.somework.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A stored RSA key pair, as a JWK JSON document (encrypted when a key-encryption secret is set).
 * {@code CURRENT} signs; {@code NEXT} is already published so that rotation never surprises a
 * platform that caches our key set; {@code PREVIOUS} signed until the last rotation and stays
 * published while what it signed can still be valid; {@code RETIRED} is no longer published.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {
  /** Life of a key. */
  public enum Status { CURRENT, NEXT, PREVIOUS, RETIRED }

  @Id private String kid;
  private String owner;
  private String status;

  @Column(length = 16000)
  private String jwk;

  private boolean encrypted;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "activate_at")
  private Instant activateAt;

  @Column(name = "withdraw_at")
  private Instant withdrawAt;

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

  public Instant createdAt() {
    return createdAt;
  }

  /** For NEXT: when it is to start signing (empty: no rotation asked for); for CURRENT: when it started. */
  public Optional<Instant> activateAt() {
    return Optional.ofNullable(activateAt);
  }

  /** For PREVIOUS: when it leaves the published key set. */
  public Optional<Instant> withdrawAt() {
    return Optional.ofNullable(withdrawAt);
  }

  /** A NEXT key is to sign from {@code at} on. */
  public void scheduleActivation(Instant at) {
    this.activateAt = stored(at);
  }

  /** Signs from {@code now} on. */
  public void promoteToCurrent(Instant now) {
    this.status = Status.CURRENT.name();
    this.activateAt = stored(now);
  }

  /** Signs no more, stays published until {@code withdrawAt}. */
  public void keepAsPrevious(Instant withdrawAt) {
    this.status = Status.PREVIOUS.name();
    this.withdrawAt = stored(withdrawAt);
  }

  /**
   * An instant as the database keeps it (microseconds): the clock has nanoseconds, and a time read
   * back must equal the one this instance answered when it set it (e.g. a rotation asked for twice).
   */
  private static Instant stored(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
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
