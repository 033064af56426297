package eu.somework.reflection;

import eu.somework.persistence.Transactor;
import eu.somework.session.ToolSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The course blog: the shared reflections of one course (registration + deployment + context),
 * newest submission first, each with its classmates' and teachers' comments. A reflection is there
 * only when its author shared it and submitted it; private reflections and drafts never are. Any
 * id from another course, or of a reflection the viewer may not read, is answered as not found.
 *
 * <p>Never logs comment or reflection text, nor names.
 */
@ApplicationScoped
public class CourseBlog {
  @Inject Transactor tx;
  @Inject Clock clock;

  /** The blog over {@code tx}, outside a container (tests, tools). */
  public static CourseBlog over(Transactor tx, Clock clock) {
    CourseBlog blog = new CourseBlog();
    blog.tx = tx;
    blog.clock = clock;
    return blog;
  }

  /** The shared reflections of the viewer's course, newest submission first, with their comments. */
  public List<Entry> entries(ToolSession viewer) {
    if (!viewer.hasContext()) {
      return List.of();
    }
    return tx.read(em -> {
      List<Reflection> shown = ReflectionRepository.sharedAndSubmitted(em, CourseKey.of(viewer)).stream()
          .filter(r -> r.isOnBlog() && r.isReadableBy(viewer)).toList();
      Map<String, List<Comment>> comments = new HashMap<>();
      for (ReflectionComment c : ReflectionRepository.commentsOn(em, shown)) {
        comments.computeIfAbsent(c.reflection().id(), id -> new ArrayList<>()).add(Comment.of(c, viewer));
      }
      return shown.stream()
          .map(r -> Entry.of(r, comments.getOrDefault(r.id(), List.of()), viewer))
          .sorted(Comparator.comparing((Entry e) -> e.latest().version().submittedAt()).reversed()
              .thenComparing(e -> e.latest().version().versionId()))
          .toList();
    });
  }

  /**
   * Adds a plain-text comment to a shared reflection of the commenter's course.
   *
   * @throws ReflectionRefused NOT_FOUND if there is no such reflection on the commenter's course blog;
   *     EMPTY_COMMENT or COMMENT_TOO_LONG for the text
   */
  public void comment(ToolSession commenter, String reflectionId, String text) {
    String body = text == null ? "" : text.strip();
    if (body.isEmpty()) {
      throw new ReflectionRefused(ReflectionRefused.Reason.EMPTY_COMMENT);
    }
    if (body.codePointCount(0, body.length()) > ReflectionComment.MAX_LENGTH) {
      throw new ReflectionRefused(ReflectionRefused.Reason.COMMENT_TOO_LONG);
    }
    if (commenter.isAnonymous()) {
      throw new ReflectionRefused(ReflectionRefused.Reason.NOT_FOUND);
    }
    Instant now = clock.instant();
    tx.run(em -> {
      Reflection reflection = ReflectionRepository.byId(em, reflectionId)
          .filter(r -> r.isOnBlog() && r.isReadableBy(commenter))
          .orElseThrow(() -> new ReflectionRefused(ReflectionRefused.Reason.NOT_FOUND));
      em.persist(new ReflectionComment(reflection, commenter, body, now));
    });
  }

  /**
   * Removes a comment: its author, the reflection's author or a teacher of the course may.
   *
   * @return the id of the reflection it was on
   * @throws ReflectionRefused NOT_FOUND if the viewer cannot see the comment (another course, a
   *     reflection no longer shared); NOT_YOURS if they see it but may not remove it
   */
  public String removeComment(ToolSession viewer, String commentId) {
    return tx.inTransaction(em -> {
      ReflectionComment comment = ReflectionRepository.comment(em, commentId)
          .filter(c -> c.reflection().isReadableBy(viewer))
          .orElseThrow(() -> new ReflectionRefused(ReflectionRefused.Reason.NOT_FOUND));
      if (!comment.isRemovableBy(viewer)) {
        throw new ReflectionRefused(ReflectionRefused.Reason.NOT_YOURS);
      }
      em.remove(comment);
      return comment.reflection().id();
    });
  }

  /** A reflection in the blog: its author's user id, the unit, the latest version and the comments. */
  public record Entry(String reflectionId, String authorUserId, String unitId, boolean yours,
      Reflections.VersionText latest, List<Comment> comments) {
    static Entry of(Reflection r, List<Comment> comments, ToolSession viewer) {
      ReflectionVersion latest = r.latestVersion().orElseThrow();
      return new Entry(r.id(), r.userId(), r.unitId(), r.isAuthor(viewer),
          new Reflections.VersionText(Reflections.SubmittedVersion.of(latest), latest.text()), List.copyOf(comments));
    }
  }

  /** A comment as the viewer sees it: plain text, and whether they may remove it. */
  public record Comment(String id, String authorUserId, boolean byTeacher, String text, Instant createdAt,
      boolean removable) {
    static Comment of(ReflectionComment c, ToolSession viewer) {
      return new Comment(c.id(), c.authorUserId(), c.byTeacher(), c.body(), c.createdAt(), c.isRemovableBy(viewer));
    }
  }
}
