package eu.somework.content;

import eu.somework.launch.ToolRole;
import eu.somework.launch.ToolSession;
import eu.somework.persistence.RaceRetry;
import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.Collator;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The course members the tool has seen, updated on every launch into the module. */
@ApplicationScoped
public class CourseMembers {
  @Inject Transactor tx;
  @Inject Clock clock;

  /** Records that the session's user opened the tool in its course; anonymous launches leave nothing. */
  public void seen(ToolSession session) {
    if (session.isAnonymous()) {
      return;
    }
    CourseMember.Key key = new CourseMember.Key(session.issuer(), session.contextId(), session.userId().orElseThrow());
    RaceRetry.once(() -> tx.inTransaction(em -> {
      CourseMember member = em.find(CourseMember.class, key);
      if (member == null) {
        member = new CourseMember(key);
        member.seen(session.displayName(), session.role().name(), clock.instant());
        em.persist(member);
      } else {
        member.seen(session.displayName(), session.role().name(), clock.instant());
      }
      return member;
    }));
  }

  /** The students of a course, by name; students without a name after them, by id. */
  List<CourseMember> students(String issuer, String contextId) {
    List<CourseMember> students = tx.read(em -> em.createQuery("select m from CourseMember m where m.issuer = :issuer"
            + " and m.contextId = :context and m.role = :role", CourseMember.class)
        .setParameter("issuer", issuer).setParameter("context", contextId)
        .setParameter("role", ToolRole.STUDENT.name()).getResultList());
    Collator names = Collator.getInstance(Locale.ROOT);
    return students.stream()
        .sorted(Comparator.comparing((CourseMember m) -> m.displayName().isEmpty())
            .thenComparing(m -> m.displayName().orElse(""), names)
            .thenComparing(CourseMember::userId))
        .toList();
  }
}
