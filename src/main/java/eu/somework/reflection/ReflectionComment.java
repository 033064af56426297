package eu.somework.reflection;

import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A comment on a shared reflection in the course blog: plain text (shown escaped, never as HTML),
 * its author's user id and whether they wrote it as a teacher.
 */
@Entity
@Table(name = "reflection_comment")
public class ReflectionComment {
  /** The longest comment, in characters. */
  static final int MAX_LENGTH = 2000;

  @Id private String id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "reflection_id")
  private Reflection reflection;

  @Column(name = "author_user_id")
  private String authorUserId;

  @Column(name = "author_role")
  private String authorRole;

  private String body;

  @Column(name = "created_at")
  private Instant createdAt;

  protected ReflectionComment() {}

  ReflectionComment(Reflection reflection, ToolSession author, String body, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.reflection = reflection;
    this.authorUserId = author.userId().orElseThrow();
    this.authorRole = author.role().name();
    this.body = body;
    this.createdAt = now;
  }

  /** The comment's author, the reflection's author and the course's teachers may remove it. */
  boolean isRemovableBy(ToolSession session) {
    if (!reflection.inCourseOf(session)) {
      return false;
    }
    return session.role().canTeach() || reflection.isAuthor(session)
        || session.userId().map(authorUserId::equals).orElse(false);
  }

  String id() {
    return id;
  }

  Reflection reflection() {
    return reflection;
  }

  String authorUserId() {
    return authorUserId;
  }

  boolean byTeacher() {
    return ToolRole.valueOf(authorRole).canTeach();
  }

  String body() {
    return body;
  }

  Instant createdAt() {
    return createdAt;
  }
}
