package eu.somework.grading;

import eu.somework.audit.AuditLog;
import eu.somework.content.ContentCatalogue;
import eu.somework.content.ReflectionTask;
import eu.somework.content.Unit;
import eu.somework.course.ResourceLink;
import eu.somework.course.ResourceLinks;
import eu.somework.persistence.Transactor;
import eu.somework.web.UiLanguage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Rubric grading, the use-case boundary: saving a draft, releasing a grade, and telling the
 * gradebook that a reflection was submitted. A released grade and the score that reports it are
 * one commit ({@link ScoreOutbox#enqueue} joins the transaction), so a grade is never released
 * without its score on its way, nor a score sent for a grade that was not saved.
 */
@ApplicationScoped
public class GradingService {
  @Inject Transactor tx;
  @Inject Clock clock;
  @Inject ScoreOutbox outbox;
  @Inject ContentCatalogue catalogue;
  @Inject ResourceLinks links;
  @Inject AuditLog audit;

  /** A grading service outside a container (tests, tools). */
  public static GradingService over(Transactor tx, Clock clock, ScoreOutbox outbox, ContentCatalogue catalogue,
      ResourceLinks links) {
    GradingService grading = new GradingService();
    grading.tx = tx;
    grading.clock = clock;
    grading.outbox = outbox;
    grading.catalogue = catalogue;
    grading.links = links;
    grading.audit = AuditLog.over(tx, clock);
    return grading;
  }

  /** What a release did: the grade, and the score queued for the gradebook (empty: no column to send to). */
  public record Released(Grade.View grade, Optional<OutboxEntry.Snapshot> score) {}

  /**
   * Saves the marking as a draft, invisible to the student; a released grade marked again is held
   * back as a draft until released again.
   *
   * @throws MarkingRefused when the marking does not fit the unit's rubric (nothing is saved)
   * @throws IllegalArgumentException for a unit that is not served
   */
  public Grade.View saveDraft(GradeKey key, Marking marking, String teacherId) {
    ReflectionTask task = taskOf(key.unitId());
    RubricCheck.check(marking, task);
    return tx.inTransaction(em -> {
      Grade grade = findOrNew(em, key);
      grade.mark(marking, task.maxPoints(), teacherId, clock.instant());
      Grade.View view = grade.view();
      audited("GRADE_SAVED", key, teacherId, view);
      return view;
    });
  }

  /**
   * Saves the marking and releases it: the student sees it, and its score (points, maximum, the
   * feedback as comment, Completed/FullyGraded) is queued for the gradebook in the same commit.
   *
   * @throws MarkingRefused when the marking does not fit the unit's rubric (nothing is saved)
   */
  public Released release(GradeKey key, Marking marking, String teacherId) {
    ReflectionTask task = taskOf(key.unitId());
    RubricCheck.check(marking, task);
    return tx.inTransaction(em -> {
      Grade grade = findOrNew(em, key);
      grade.mark(marking, task.maxPoints(), teacherId, clock.instant());
      grade.release(clock.instant());
      Grade.View view = grade.view();
      audited("GRADE_RELEASED", key, teacherId, view);
      Optional<OutboxEntry.Snapshot> score = target(key).map(target -> outbox.enqueue(target, ScoreProgress.GRADED,
          OptionalDouble.of(view.scoreGiven()), OptionalDouble.of(view.scoreMaximum()), view.feedback()));
      return new Released(view, score);
    });
  }

  /**
   * Tells the gradebook that the student submitted (Submitted/PendingManual, no score), in the
   * caller's transaction: the reflection service calls it when a version is submitted.
   *
   * @return the queued score, or empty when the unit has no gradebook column in that course or a
   *     released grade stands (the gradebook keeps it until the regrade is released)
   */
  public Optional<OutboxEntry.Snapshot> submitted(GradeKey key) {
    if (find(key).filter(Grade.View::released).isPresent()) {
      // a revision after a release: the gradebook keeps the released grade until the regrade is
      // released (a "pending" score without points would blank it in Moodle)
      return Optional.empty();
    }
    return target(key).map(target -> outbox.enqueue(target, ScoreProgress.SUBMITTED, OptionalDouble.empty(),
        OptionalDouble.empty(), Optional.empty()));
  }

  /** The grade of one student for one unit, released or not (teachers' view). */
  public Optional<Grade.View> find(GradeKey key) {
    return tx.read(em -> existing(em, key).map(Grade::view));
  }

  /** The released grade only (the student's view). */
  public Optional<Grade.View> released(GradeKey key) {
    return find(key).filter(Grade.View::released);
  }

  /** Every grade given for a unit in a course (registration + deployment + context). */
  public List<Grade.View> forUnit(String issuer, String clientId, String deploymentId, String contextId,
      String unitId) {
    return tx.read(em -> em.createQuery("select g from Grade g where g.issuer = :issuer and g.clientId = :clientId"
            + " and g.deploymentId = :deploymentId and g.contextId = :contextId and g.unitId = :unitId", Grade.class)
        .setParameter("issuer", issuer).setParameter("clientId", clientId).setParameter("deploymentId", deploymentId)
        .setParameter("contextId", contextId).setParameter("unitId", unitId).getResultList()
        .stream().map(Grade::view).toList());
  }

  /** The audit log's record of a grade change, in the change's transaction: unit and points, no feedback. */
  private void audited(String action, GradeKey key, String teacherId, Grade.View view) {
    audit.record(new AuditLog.Event(action, AuditLog.ActorKind.TEACHER, teacherId, key.issuer(), key.clientId(),
        key.deploymentId(), key.contextId(), key.userId(),
        "unit " + key.unitId() + ": " + view.scoreGiven() + " of " + view.scoreMaximum() + " points"));
  }

    private Optional<ScoreTarget> target(GradeKey key) {
    return links.gradedLinkFor(key.issuer(), key.clientId(), key.deploymentId(), key.contextId(), key.unitId())
        .map(ResourceLink::resourceLinkId)
        .map(link -> new ScoreTarget(key.issuer(), key.clientId(), key.deploymentId(), link,
            Optional.of(key.unitId()), key.userId()));
  }

  private ReflectionTask taskOf(String unitId) {
    Unit unit = catalogue.find(unitId).orElseThrow(() -> new IllegalArgumentException("No such unit: " + unitId));
    // criteria ids and points are the same in every language (the content validator checks it)
    return unit.reflection(UiLanguage.EN);
  }

  private static Grade findOrNew(EntityManager em, GradeKey key) {
    return existing(em, key).orElseGet(() -> {
      Grade grade = new Grade(key);
      em.persist(grade);
      return grade;
    });
  }

  private static Optional<Grade> existing(EntityManager em, GradeKey key) {
    return em.createQuery("select g from Grade g where g.issuer = :issuer and g.clientId = :clientId"
            + " and g.deploymentId = :deploymentId and g.contextId = :contextId and g.unitId = :unitId"
            + " and g.userId = :userId", Grade.class)
        .setParameter("issuer", key.issuer()).setParameter("clientId", key.clientId())
        .setParameter("deploymentId", key.deploymentId()).setParameter("contextId", key.contextId())
        .setParameter("unitId", key.unitId()).setParameter("userId", key.userId())
        .getResultList().stream().findFirst();
  }
}
