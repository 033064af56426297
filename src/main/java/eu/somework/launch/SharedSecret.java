package eu.somework.launch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A random secret every instance of the tool shares, e.g. the session-token key. */
@Entity
@Table(name = "shared_secret")
public class SharedSecret {
  @Id private String name;
  private String secret;

  @Column(name = "created_at")
  private Instant createdAt;

  protected SharedSecret() {}

  SharedSecret(String name, String secret, Instant createdAt) {
    this.name = name;
    this.secret = secret;
    this.createdAt = createdAt;
  }

  String secret() {
    return secret;
  }
}
