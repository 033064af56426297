package eu.somework.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone who opened the tool in a course, kept so that the teacher's progress view can list the
 * students by name. Holds no more than the launch gave: user id, name if sent, role, last visit.
 */
@Entity
@Table(name = "course_member")
@IdClass(CourseMember.Key.class)
public class CourseMember {
  static final int NAME_LENGTH = 200;

  @Id private String issuer;

  @Id
  @Column(name = "client_id")
  private String clientId;

  @Id
  @Column(name = "deployment_id")
  private String deploymentId;

  @Id
  @Column(name = "context_id")
  private String contextId;

  @Id
  @Column(name = "user_id")
  private String userId;

  @Column(name = "display_name")
  private String displayName;

  private String role;

  @Column(name = "last_seen")
  private Instant lastSeen;

  protected CourseMember() {}

  CourseMember(Key key) {
    this.issuer = key.issuer;
    this.clientId = key.clientId;
    this.deploymentId = key.deploymentId;
    this.contextId = key.contextId;
    this.userId = key.userId;
  }

  /** Records a visit; a name the platform no longer sends is forgotten rather than kept. */
  void seen(Optional<String> name, String role, Instant now) {
    this.displayName = name.map(String::strip).filter(n -> !n.isEmpty())
        .map(n -> n.length() > NAME_LENGTH ? n.substring(0, NAME_LENGTH) : n).orElse(null);
    this.role = role;
    this.lastSeen = now;
  }

  public String userId() {
    return userId;
  }

  public Optional<String> displayName() {
    return Optional.ofNullable(displayName);
  }

  /** Composite key: issuer, course, user. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String issuer;
    private String clientId;
    private String deploymentId;
    private String contextId;
    private String userId;

    public Key() {}

    Key(String issuer, String clientId, String deploymentId, String contextId, String userId) {
      this.issuer = issuer;
      this.clientId = clientId;
      this.deploymentId = deploymentId;
      this.contextId = contextId;
      this.userId = userId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(issuer, k.issuer) && Objects.equals(clientId, k.clientId)
          && Objects.equals(deploymentId, k.deploymentId) && Objects.equals(contextId, k.contextId)
          && Objects.equals(userId, k.userId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(issuer, clientId, deploymentId, contextId, userId);
    }
  }
}
