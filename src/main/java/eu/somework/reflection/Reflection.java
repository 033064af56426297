package eu.somework.reflection;

import eu.somework.session.ToolSession;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A student's reflection on one unit in one course: the draft they are writing (autosaved), who
 * may read it, and every version they submitted. Revising after a submission changes the draft
 * only; the next submission adds a new version, so a grade given to an earlier version still
 * names exactly the text it was given for.
 */
@Entity
@Table(name = "reflection")
public class Reflection {
  @Id private String id;
  private String issuer;

  @Column(name = "client_id")
  private String clientId;

  @Column(name = "deployment_id")
  private String deploymentId;

  @Column(name = "context_id")
  private String contextId;

  @Column(name = "user_id")
  private String userId;

  @Column(name = "unit_id")
  private String unitId;

  @Enumerated(EnumType.STRING)
  private Visibility visibility;

  @Enumerated(EnumType.STRING)
  private ReflectionStatus status;

  @Column(name = "draft_html")
  private String draftHtml;

  @Column(name = "draft_words")
  private int draftWords;

  @Column(name = "draft_saved_at")
  private Instant draftSavedAt;

  @Column(name = "created_at")
  private Instant createdAt;

  /** Concurrent writers (an autosave and a submit) cannot overwrite each other unnoticed. */
  @Version
  @Column(name = "row_version")
  private long rowVersion;

  @OneToMany(mappedBy = "reflection", cascade = CascadeType.PERSIST)
  @OrderBy("number")
  private List<ReflectionVersion> versions = new ArrayList<>();

  protected Reflection() {}

  /** A new, empty, private draft of {@code userId} for {@code unitId} in {@code course}. */
  static Reflection start(CourseKey course, String userId, String unitId, Instant now) {
    Reflection r = new Reflection();
    r.id = UUID.randomUUID().toString();
    r.issuer = course.issuer();
    r.clientId = course.clientId();
    r.deploymentId = course.deploymentId();
    r.contextId = course.contextId();
    r.userId = userId;
    r.unitId = unitId;
    r.visibility = Visibility.PRIVATE;
    r.status = ReflectionStatus.DRAFT;
    r.draftHtml = "";
    r.createdAt = now;
    return r;
  }

  /**
   * Keeps {@code text} as the draft and {@code visibility} as the choice. The reflection counts as
   * submitted again only when the text is that of the latest version (a revision undone).
   *
   * @return whether anything changed
   */
  boolean saveDraft(ReflectionHtml text, Visibility visibility, Instant now) {
    boolean changed = !text.html().equals(draftHtml) || visibility != this.visibility;
    if (!changed) {
      return false;
    }
    draftHtml = text.html();
    draftWords = text.words();
    draftSavedAt = now;
    this.visibility = visibility;
    status = latestVersion().filter(v -> v.html().equals(draftHtml)).isPresent()
        ? ReflectionStatus.SUBMITTED : ReflectionStatus.DRAFT;
    return true;
  }

  /**
   * Submits {@code text}: a new version numbered one after the last, unless the text is the
   * latest version's already (submitting twice adds nothing).
   *
   * @return the version that is now submitted
   * @throws NothingToSubmit if the text has no words
   */
  ReflectionVersion submit(ReflectionHtml text, Visibility visibility, Instant now) {
    if (text.isEmpty()) {
      throw new NothingToSubmit();
    }
    saveDraft(text, visibility, now);
    Optional<ReflectionVersion> latest = latestVersion();
    if (latest.isPresent() && latest.get().html().equals(text.html())) {
      status = ReflectionStatus.SUBMITTED;
      return latest.get();
    }
    ReflectionVersion version = new ReflectionVersion(this, versions.size() + 1, text, now);
    versions.add(version);
    status = ReflectionStatus.SUBMITTED;
    return version;
  }

  /** Whether {@code viewer} may read this reflection's submitted text. */
  boolean isReadableBy(ToolSession viewer) {
    if (!inCourseOf(viewer)) {
      return false;
    }
    if (isAuthor(viewer) || viewer.role().canTeach()) {
      return true;
    }
    return isOnBlog();
  }

  /** Listed in the course blog: shared, and submitted at least once (drafts are never shown). */
  boolean isOnBlog() {
    return visibility == Visibility.SHARED && !versions.isEmpty();
  }

  boolean isAuthor(ToolSession session) {
    return inCourseOf(session) && session.userId().map(userId::equals).orElse(false);
  }

  /** Whether the session belongs to this reflection's course: registration, deployment and context. */
  boolean inCourseOf(ToolSession session) {
    return session.hasContext() && issuer.equals(session.issuer()) && clientId.equals(session.clientId())
        && deploymentId.equals(session.deploymentId()) && contextId.equals(session.contextId());
  }

  Optional<ReflectionVersion> latestVersion() {
    return versions.stream().max(Comparator.comparingInt(ReflectionVersion::number));
  }

  /** Oldest first (sorted here: a query that fetches versions with their reflections does not keep @OrderBy). */
  List<ReflectionVersion> versions() {
    return versions.stream().sorted(Comparator.comparingInt(ReflectionVersion::number)).toList();
  }

  String id() {
    return id;
  }

  String userId() {
    return userId;
  }

  String unitId() {
    return unitId;
  }

  CourseKey course() {
    return new CourseKey(issuer, clientId, deploymentId, contextId);
  }

  Visibility visibility() {
    return visibility;
  }

  ReflectionStatus status() {
    return status;
  }

  /** The draft, sanitised again on the way out ({@link ReflectionHtml#fromStorage}). */
  ReflectionHtml draft() {
    return ReflectionHtml.fromStorage(draftHtml);
  }

  /** The row version: grows with every stored change; what an editor's save names as its base. */
  long rowVersion() {
    return rowVersion;
  }

  Optional<Instant> draftSavedAt() {
    return Optional.ofNullable(draftSavedAt);
  }

  /** A submission without a single word. */
  static final class NothingToSubmit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NothingToSubmit() {
      super("An empty reflection cannot be submitted");
    }
  }
}
