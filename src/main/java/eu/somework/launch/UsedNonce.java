package eu.somework.launch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A nonce an accepted launch used; its primary key is what refuses a replay. */
@Entity
@Table(name = "used_nonce")
@IdClass(UsedNonce.Key.class)
public class UsedNonce {
  @Id private String issuer;
  @Id private String nonce;

  @Column(name = "expires_at")
  private Instant expiresAt;

  protected UsedNonce() {}

  UsedNonce(String issuer, String nonce, Instant expiresAt) {
    this.issuer = issuer;
    this.nonce = nonce;
    this.expiresAt = expiresAt;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String issuer;
    private String nonce;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(issuer, k.issuer) && Objects.equals(nonce, k.nonce);
    }

    @Override
    public int hashCode() {
      return Objects.hash(issuer, nonce);
    }
  }
}
