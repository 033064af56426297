package eu.somework.simulator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A one-time registration token of Dynamic Registration 1.0 §3.3, as the simulator keeps it: only
 * its SHA-256, when it stops working, and when a registration used it.
 */
@Entity
@Table(name = "sim_registration_token")
public class SimRegistrationToken {
  @Id
  @Column(name = "token_sha256")
  private String sha256;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected SimRegistrationToken() {}

  SimRegistrationToken(String sha256, Instant createdAt, Instant expiresAt) {
    this.sha256 = sha256;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  /** Why the token cannot register a tool at {@code now}; empty when it can. */
  Optional<String> refusal(Instant now) {
    if (usedAt != null) {
      return Optional.of("The registration token was already used; a token registers one tool only.");
    }
    if (!expiresAt.isAfter(now)) {
      return Optional.of("The registration token has expired; start the registration again on the platform.");
    }
    return Optional.empty();
  }

  /** Marks the token used by a registration at {@code now}. */
  void use(Instant now) {
    usedAt = now;
  }
}
