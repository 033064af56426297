package eu.somework.lti.nrps;

import java.util.Optional;

/** A member's status in the context (NRPS 2.0 §2.3); absent in the JSON means {@link #ACTIVE}. */
public enum MemberStatus {
  ACTIVE("Active"),
  INACTIVE("Inactive"),
  /** Only in a differences answer: the person left the context. */
  DELETED("Deleted");

  private final String json;

  MemberStatus(String json) {
    this.json = json;
  }

  /** The value in the JSON: "Active", "Inactive", "Deleted". */
  public String json() {
    return json;
  }

  /** The status for a JSON value, or empty for one the specification does not define. */
  public static Optional<MemberStatus> of(String value) {
    for (MemberStatus status : values()) {
      if (status.json.equals(value)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
