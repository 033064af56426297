package eu.somework.audit;

import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The audit log ({@code audit_event}): grade changes and administrative actions, written in the
 * transaction of the change they record, so an event exists exactly when its change was committed.
 * An event holds ids, an action and a short detail (units, points) — never reflection text,
 * feedback or comments.
 */
@ApplicationScoped
public class AuditLog {
  /** Who acted: a teacher in a launch, an administrator through the admin API, or the tool's own jobs. */
  public enum ActorKind { TEACHER, ADMINISTRATOR, SYSTEM }

  /**
   * One event. {@code actorUserId} is null for the admin API and the tool; the course fields and
   * {@code subjectUserId} (whose record it concerns) are null where they do not apply.
   */
  public record Event(String action, ActorKind actorKind, String actorUserId, String issuer, String clientId,
      String deploymentId, String contextId, String subjectUserId, String detail) {}

  @Inject Transactor tx;
  @Inject Clock clock;

  /** An audit log over a transactor opened outside the container, e.g. a test's. */
  public static AuditLog over(Transactor tx, Clock clock) {
    AuditLog log = new AuditLog();
    log.tx = tx;
    log.clock = clock;
    return log;
  }

  /** Records {@code event} in the unit of work open on this thread (or its own one). */
  public void record(Event event) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    tx.run(em -> em.createNativeQuery("INSERT INTO audit_event (id, occurred_at, action, actor_kind, actor_user_id,"
            + " issuer, client_id, deployment_id, context_id, subject_user_id, detail)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, UUID.randomUUID().toString()).setParameter(2, now).setParameter(3, event.action())
        .setParameter(4, event.actorKind().name()).setParameter(5, event.actorUserId())
        .setParameter(6, event.issuer()).setParameter(7, event.clientId()).setParameter(8, event.deploymentId())
        .setParameter(9, event.contextId()).setParameter(10, event.subjectUserId())
        .setParameter(11, shorten(event.detail())).executeUpdate());
  }

  private static String shorten(String detail) {
    return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
  }
}
