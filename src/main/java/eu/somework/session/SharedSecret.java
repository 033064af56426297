package eu.somework.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A random secret every instance of the tool shares, e.g. the session-token key; encrypted at
 * rest (AES-GCM) when a key-encryption secret is configured.
 */
@Entity
@Table(name = "shared_secret")
public class SharedSecret {
  @Id private String name;
  private String secret;
  private boolean encrypted;

  @Column(name = "created_at")
  private Instant createdAt;

  protected SharedSecret() {}

  SharedSecret(String name, String secret, boolean encrypted, Instant createdAt) {
    this.name = name;
    this.secret = secret;
    this.encrypted = encrypted;
    this.createdAt = createdAt;
  }

  String secret() {
    return secret;
  }

  boolean encrypted() {
    return encrypted;
  }

  /** Replaces the value, e.g. a plain secret by an encrypted new one. */
  void replace(String secret, boolean encrypted, Instant now) {
    this.secret = secret;
    this.encrypted = encrypted;
    this.createdAt = now;
  }
}
