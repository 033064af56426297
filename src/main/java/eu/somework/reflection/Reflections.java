package eu.somework.reflection;

import eu.somework.persistence.DatabaseOutage;
import eu.somework.persistence.RaceRetry;
import eu.somework.persistence.Transactor;
import eu.somework.progress.LearnerProgress;
import eu.somework.progress.ProgressStatus;
import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The use cases of writing reflections: a student's own draft, saving it, submitting it; a
 * teacher's reading of a unit's submissions; and what grading reads — the submitted versions of a
 * unit in a course and one version by its id. Each is one unit of work ({@link Transactor}), so a
 * caller's transaction (e.g. "submit and queue the score") spans it too.
 *
 * <p>Never logs reflection text or names: it is personal data (docs/privacy.md).
 */
@ApplicationScoped
public class Reflections {
  @Inject Transactor tx;
  @Inject LearnerProgress progress;
  @Inject Clock clock;
  /** Told of every new submitted version, inside the submitting transaction (grading queues the gradebook's "Submitted"). */
  @Inject Event<ReflectionSubmitted> submissions;

  /** The service over {@code tx}, outside a container (tests, tools). */
  public static Reflections over(Transactor tx, LearnerProgress progress, Clock clock) {
    Reflections reflections = new Reflections();
    reflections.tx = tx;
    reflections.progress = progress;
    reflections.clock = clock;
    return reflections;
  }

  /** Whether a session writes reflections: a student with a user id, in a course. */
  public static boolean writes(ToolSession session) {
    return session.role() == ToolRole.STUDENT && !session.isAnonymous() && session.hasContext();
  }

  /** A student's own reflection on a unit in their course: an empty private draft if they have none yet. */
  public MyReflection mine(ToolSession student, String unitId) {
    requireWriter(student);
    return tx.read(em -> ReflectionRepository.find(em, CourseKey.of(student), student.userId().orElseThrow(), unitId)
        .map(MyReflection::of).orElse(MyReflection.NONE));
  }

  /**
   * Saves the student's draft and visibility choice (autosave and the form's Save).
   *
   * @param visibility the choice, or empty to keep the one stored (private for a new reflection)
   * @param html the editor's HTML (or plain text), sanitised here before anything is stored
   * @throws ReflectionHtml.TextTooLong if it is too long; the stored draft is then unchanged
   */
  public MyReflection saveDraft(ToolSession student, String unitId, String html, Optional<Visibility> visibility) {
    return saveDraft(student, unitId, html, visibility, OptionalLong.empty());
  }

  /**
   * Saves the draft as {@link #saveDraft(ToolSession, String, String, Optional)} does, if it is
   * still the version the editor's text is based on. Saves of one draft take turns (the row is
   * locked), so overlapping saves never fail: without a base the last one wins.
   *
   * @param base the {@link MyReflection#version()} the editor last loaded or saved, or empty for any
   * @throws ReflectionRefused DRAFT_CHANGED if the stored draft is no longer {@code base} (changed
   *     in another window or device); nothing is stored then
   */
  public MyReflection saveDraft(ToolSession student, String unitId, String html, Optional<Visibility> visibility,
      OptionalLong base) {
    requireWriter(student);
    ReflectionHtml text = ReflectionHtml.sanitise(html);
    try {
      return retried(() -> tx.inTransaction(em -> {
        Reflection reflection = findLockedOrStart(student, unitId);
        if (base.isPresent() && base.getAsLong() != reflection.rowVersion()) {
          throw new ReflectionRefused(ReflectionRefused.Reason.DRAFT_CHANGED);
        }
        reflection.saveDraft(text, visibility.orElse(reflection.visibility()), clock.instant());
        if (!text.isEmpty()) {
          progress.advance(student, unitId, ProgressStatus.REFLECTION_DRAFT);
        }
        em.flush(); // the row version the answer names is the stored one
        return MyReflection.of(reflection);
      }));
    } catch (RuntimeException e) {
      // a lock or version conflict, not a database that went away (that one answers 503 as any outage)
      if (!Transactor.inUnit() && isStale(e) && !DatabaseOutage.isCause(e)) {
        // still raced after the retry (e.g. a submit in between): the editor keeps its text and is told
        throw new ReflectionRefused(ReflectionRefused.Reason.DRAFT_CHANGED);
      }
      throw e;
    }
  }

  /**
   * Submits the text as the next version (or confirms the latest one, if it is the same text).
   * Out of the unit's word range is allowed: the count is kept with the version for the teacher.
   *
   * @param visibility as for {@link #saveDraft}
   * @return the version now submitted; its {@link SubmittedVersion#versionId()} is what a grade names
   * @throws ReflectionRefused NOTHING_TO_SUBMIT for a text without words (the draft is not saved either)
   * @throws ReflectionHtml.TextTooLong if it is too long; nothing is stored
   */
  public SubmittedVersion submit(ToolSession student, String unitId, String html, Optional<Visibility> visibility) {
    requireWriter(student);
    ReflectionHtml text = ReflectionHtml.sanitise(html);
    if (text.isEmpty()) {
      throw new ReflectionRefused(ReflectionRefused.Reason.NOTHING_TO_SUBMIT);
    }
    return retried(() -> tx.inTransaction(em -> {
      Reflection reflection = findOrStart(student, unitId);
      int before = reflection.versions().size();
      ReflectionVersion version = reflection.submit(text, visibility.orElse(reflection.visibility()), clock.instant());
      progress.advance(student, unitId, ProgressStatus.SUBMITTED);
      em.flush(); // a lost race on the version number fails here, inside the retry
      SubmittedVersion submitted = SubmittedVersion.of(version);
      if (reflection.versions().size() > before && submissions != null) {
        // synchronous observers run on this thread, so inside this unit: their writes commit or roll back with it
        submissions.fire(new ReflectionSubmitted(submitted));
      }
      return submitted;
    }));
  }

  /**
   * Every submitted version of a unit in a course, oldest first per student: what grading lists.
   * Drafts are not included; the text is left out (read it with {@link #version}).
   */
  public List<SubmittedVersion> submittedVersions(CourseKey course, String unitId) {
    return tx.read(em -> ReflectionRepository.versionsOnUnit(em, course, unitId).stream()
        .map(SubmittedVersion::of).toList());
  }

  /**
   * Who has started a reflection on a unit in a course: user id to whether they have submitted at
   * least once (false: a draft only). Those who have not written a word are not in it.
   */
  public Map<String, Boolean> startedOnUnit(CourseKey course, String unitId) {
    return tx.read(em -> {
      Map<String, Boolean> started = new java.util.HashMap<>();
      ReflectionRepository.authorsOnUnit(em, course, unitId).forEach(user -> started.put(user, false));
      ReflectionRepository.versionsOnUnit(em, course, unitId).forEach(v -> started.put(v.reflection().userId(), true));
      return started;
    });
  }

  /**
   * Who has started a reflection on a unit in a course, with the id of their latest submitted
   * version (empty: a draft only); those who have not written a word are not in it. Reads ids
   * only, never texts, so a course of thousands costs two small queries (the grading list).
   */
  public Map<String, Optional<String>> latestVersionIds(CourseKey course, String unitId) {
    return tx.read(em -> {
      Map<String, Optional<String>> latest = new java.util.HashMap<>();
      ReflectionRepository.authorsOnUnit(em, course, unitId).forEach(user -> latest.put(user, Optional.empty()));
      // oldest first per user: the last one wins
      ReflectionRepository.versionIdsOnUnit(em, course, unitId)
          .forEach(row -> latest.put((String) row[0], Optional.of((String) row[1])));
      return latest;
    });
  }

  /** One submitted version with its sanitised text, if it exists in {@code course}; empty otherwise. */
  public Optional<VersionText> version(CourseKey course, String versionId) {
    return tx.read(em -> ReflectionRepository.version(em, versionId)
        .filter(v -> v.reflection().course().equals(course))
        .map(v -> new VersionText(SubmittedVersion.of(v), v.text())));
  }

  /**
   * One author's submitted versions of their reflection on a unit, oldest first, for a teacher of
   * the session's course (what {@link #submittedFor} gives for that author, without reading and
   * checking every other author's texts); empty when there are none.
   *
   * @throws ReflectionRefused NOT_FOUND when the session cannot teach
   */
  public List<VersionText> submittedBy(ToolSession teacher, String unitId, String userId) {
    if (!teacher.role().canTeach()) {
      throw new ReflectionRefused(ReflectionRefused.Reason.NOT_FOUND);
    }
    return tx.read(em -> ReflectionRepository.find(em, CourseKey.of(teacher), userId, unitId)
        .filter(r -> r.isReadableBy(teacher))
        .map(r -> r.versions().stream().map(v -> new VersionText(SubmittedVersion.of(v), v.text())).toList())
        .orElse(List.of()));
  }

  /**
   * The submitted reflections on a unit in the teacher's course, private and shared, each with
   * all its versions (newest last); students who have only a draft are not listed.
   */
  public List<AuthorVersions> submittedFor(ToolSession teacher, String unitId) {
    if (!teacher.role().canTeach()) {
      throw new ReflectionRefused(ReflectionRefused.Reason.NOT_FOUND);
    }
    return tx.read(em -> {
      List<AuthorVersions> found = new ArrayList<>();
      for (Reflection r : ReflectionRepository.submittedOnUnit(em, CourseKey.of(teacher), unitId)) {
        if (r.isReadableBy(teacher) && !r.versions().isEmpty()) {
          found.add(new AuthorVersions(r.userId(), r.visibility(), r.status(),
              r.versions().stream().map(v -> new VersionText(SubmittedVersion.of(v), v.text())).toList()));
        }
      }
      found.sort((a, b) -> b.latest().version().submittedAt().compareTo(a.latest().version().submittedAt()));
      return found;
    });
  }

  private Reflection findOrStart(ToolSession student, String unitId) {
    return findOrStart(student, unitId, ReflectionRepository::find);
  }

  /** As {@link #findOrStart(ToolSession, String)}, with the row locked until the transaction ends. */
  private Reflection findLockedOrStart(ToolSession student, String unitId) {
    return findOrStart(student, unitId, ReflectionRepository::findForUpdate);
  }

  private Reflection findOrStart(ToolSession student, String unitId, Finder finder) {
    CourseKey course = CourseKey.of(student);
    String userId = student.userId().orElseThrow();
    return tx.inTransaction(em -> finder.find(em, course, userId, unitId).orElseGet(() -> {
      Reflection created = Reflection.start(course, userId, unitId, clock.instant());
      em.persist(created);
      return created;
    }));
  }

  /** How a student's reflection on a unit is read: plainly, or locked for update. */
  private interface Finder {
    Optional<Reflection> find(jakarta.persistence.EntityManager em, CourseKey course, String userId, String unitId);
  }

  private static void requireWriter(ToolSession session) {
    if (!writes(session)) {
      throw new ReflectionRefused(ReflectionRefused.Reason.NOT_A_WRITER);
    }
  }

  /**
   * Two writes of one reflection at once (two tabs, or an autosave during a submit): the loser's
   * duplicate key or stale row version fails its commit, and one more try then sees the winner's row.
   */
  private static <T> T retried(Supplier<T> work) {
    if (Transactor.inUnit()) {
      return work.get();
    }
    try {
      return work.get();
    } catch (RuntimeException e) {
      if (!RaceRetry.isDuplicateKey(e) && !isStale(e)) {
        throw e;
      }
      return work.get();
    }
  }

  private static boolean isStale(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      // jakarta's, or EclipseLink's own inside the RollbackException of a commit
      String name = t.getClass().getSimpleName();
      if (t instanceof OptimisticLockException || name.equals("OptimisticLockException")
          || name.equals("PessimisticLockException") || name.equals("LockTimeoutException")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A student's own reflection as the editor shows it; {@code version} is the stored row version
   * (0 before the first save) that the editor's next save names as its base.
   */
  public record MyReflection(Optional<String> reflectionId, ReflectionHtml draft, Visibility visibility,
      ReflectionStatus status, Optional<Instant> savedAt, List<SubmittedVersion> versions, long version) {
    static final MyReflection NONE = new MyReflection(Optional.empty(), ReflectionHtml.empty(), Visibility.PRIVATE,
        ReflectionStatus.DRAFT, Optional.empty(), List.of(), 0);

    static MyReflection of(Reflection r) {
      return new MyReflection(Optional.of(r.id()), r.draft(), r.visibility(), r.status(), r.draftSavedAt(),
          r.versions().stream().map(SubmittedVersion::of).toList(), r.rowVersion());
    }

    public Optional<SubmittedVersion> latest() {
      return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }
  }

  /**
   * One submitted version, without its text: {@code versionId} is stable and what a grade refers
   * to; {@code number} counts from 1 per reflection; {@code words} as {@link WordCount} counts them.
   */
  public record SubmittedVersion(String versionId, String reflectionId, CourseKey course, String userId,
      String unitId, int number, int words, Instant submittedAt) {
    static SubmittedVersion of(ReflectionVersion v) {
      Reflection r = v.reflection();
      return new SubmittedVersion(v.id(), r.id(), r.course(), r.userId(), r.unitId(), v.number(), v.words(),
          v.submittedAt());
    }
  }

  /** A submitted version with its sanitised HTML ({@link ReflectionHtml#html()}, safe to show unescaped). */
  public record VersionText(SubmittedVersion version, ReflectionHtml text) {}

  /** A student's submitted versions of one reflection, for the teacher. */
  public record AuthorVersions(String userId, Visibility visibility, ReflectionStatus status,
      List<VersionText> versions) {
    public VersionText latest() {
      return versions.get(versions.size() - 1);
    }
  }
}
