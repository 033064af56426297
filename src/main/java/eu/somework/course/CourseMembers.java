package eu.somework.course;

import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import eu.somework.persistence.Transactor;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.Collator;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The course members the tool has seen, updated by their launches (names only from launches: a
 * session read from its token carries none).
 *
 * <p>A launch writes its member only when needed: this instance keeps what it last stored for each
 * member, and a launch with the same name and role within {@link #SEEN_PRECISION} of that write
 * stores nothing ({@code last_seen} is then precise to that, which course retention, counted in
 * months, allows). {@link #forgetSeen} drops what is kept; erasures call it.
 */
@ApplicationScoped
public class CourseMembers {
  /** How precise a member's {@code last_seen} is kept: a launch within this of the last write writes nothing. */
  public static final Duration SEEN_PRECISION = Duration.ofHours(1);

  @Inject Transactor tx;
  @Inject Clock clock;

  /** What this instance last stored for a member (name, role), kept for {@link #SEEN_PRECISION}. */
  private record Stored(Optional<String> name, String role) {}

  private final Cache<CourseMember.Key, Stored> stored = Caffeine.newBuilder()
      .maximumSize(100_000).expireAfterWrite(SEEN_PRECISION).build();

  /** Course members over a transactor opened outside the container (tests, command-line tools). */
  public static CourseMembers over(Transactor tx) {
    CourseMembers members = new CourseMembers();
    members.tx = tx;
    members.clock = Clock.systemUTC();
    return members;
  }

  /** Records that the session's user opened the tool in its course; anonymous launches leave nothing. */
  public void seen(ToolSession session) {
    if (session.isAnonymous() || !session.hasContext()) {
      return;
    }
    CourseMember.Key key = new CourseMember.Key(session.issuer(), session.clientId(), session.deploymentId(),
        session.contextId(), session.userId().orElseThrow());
    Stored now = new Stored(session.displayName(), session.role().name());
    if (now.equals(stored.getIfPresent(key))) {
      return; // stored by this instance less than SEEN_PRECISION ago, as it is
    }
    tx.findOrInsert(CourseMember.class, key, () -> new CourseMember(key), (member, created) -> {
      member.seen(session.displayName(), session.role().name(), clock.instant());
      return member;
    });
    Transactor.afterCommit(() -> stored.put(key, now));
  }

  /**
   * Forgets what this instance kept of the members it stored, so that the next launch of each
   * writes again: call it when course members are deleted (erasure, retention, a registration
   * deleted) — the one method to hook a cluster-wide invalidation into.
   */
  public void forgetSeen() {
    stored.invalidateAll();
  }

  /**
   * Records a learner whom the platform named in a submission review request ({@code for_user},
   * LTI Submission Review Service 1.0 §2) as a student of the session's course, when the course
   * does not know that user yet; a known member is left as it is (its role and name come from its
   * own launches).
   */
  public void submitter(ToolSession course, String userId, Optional<String> name) {
    if (!course.hasContext()) {
      return;
    }
    CourseMember.Key key = new CourseMember.Key(course.issuer(), course.clientId(), course.deploymentId(),
        course.contextId(), userId);
    tx.findOrInsert(CourseMember.class, key, () -> new CourseMember(key), (member, created) -> {
      if (created) {
        member.seen(name, ToolRole.STUDENT.name(), clock.instant());
      }
      return member;
    });
  }

  /** The students of the session's course (registration, deployment, context), by name; unnamed ones after, by id. */
  public List<CourseMember> students(ToolSession course) {
    List<CourseMember> students = tx.read(em -> em.createQuery("select m from CourseMember m where m.issuer = :issuer"
            + " and m.clientId = :client and m.deploymentId = :deployment and m.contextId = :context"
            + " and m.role = :role", CourseMember.class)
        .setParameter("issuer", course.issuer()).setParameter("client", course.clientId())
        .setParameter("deployment", course.deploymentId()).setParameter("context", course.contextId())
        .setParameter("role", ToolRole.STUDENT.name()).getResultList());
    Collator names = Collator.getInstance(Locale.ROOT);
    return students.stream()
        .sorted(Comparator.comparing((CourseMember m) -> m.displayName().isEmpty())
            .thenComparing(m -> m.displayName().orElse(""), names)
            .thenComparing(CourseMember::userId))
        .toList();
  }

  /** The name the platform last sent for the session's user in its course, if it sent one. */
  public Optional<String> nameOf(ToolSession session) {
    if (session.isAnonymous() || !session.hasContext()) {
      return Optional.empty();
    }
    CourseMember.Key key = new CourseMember.Key(session.issuer(), session.clientId(), session.deploymentId(),
        session.contextId(), session.userId().orElseThrow());
    return tx.read(em -> Optional.ofNullable(em.find(CourseMember.class, key))).flatMap(CourseMember::displayName);
  }
}
