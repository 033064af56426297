package eu.somework.simulator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A fault the simulated platform shows until {@code until}. */
@Entity
@Table(name = "sim_fault")
public class SimFault {
  /** What fails. */
  public enum Kind {
    /** The scores endpoint answers 503 with Retry-After, as an LMS in maintenance. */
    SCORES_UNAVAILABLE("scores answer 503 (maintenance)"),
    /** The scores endpoint answers only after 20 s, longer than the tool waits. */
    SCORES_TIMEOUT("scores time out"),
    /** The token endpoint refuses every client (401 invalid_client). */
    TOKENS_REFUSED("access tokens refused");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Id
  @Enumerated(EnumType.STRING)
  private Kind kind;

  @Column(name = "until_at")
  private Instant until;

  protected SimFault() {}

  SimFault(Kind kind, Instant until) {
    this.kind = kind;
    this.until = until;
  }

  public Kind kind() {
    return kind;
  }

  public Instant until() {
    return until;
  }

  void extend(Instant newUntil) {
    until = newUntil;
  }
}
