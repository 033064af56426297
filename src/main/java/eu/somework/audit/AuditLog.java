package eu.somework.audit;

import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The audit log ({@code audit_event}): grade changes and administrative actions, written in the
 * transaction of the change they record, so an event exists exactly when its change was committed.
 * An event holds ids, an action and a short detail (units, points; for an administrator, the way
 * they came: console, API or command line) — never reflection text, feedback, comments, a name, an
 * e-mail address, a password or a network address.
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

  /** One recorded event, as administrators read it back. */
  public record Entry(Instant occurredAt, String action, String actorKind, String actorUserId, String issuer,
      String clientId, String deploymentId, String contextId, String subjectUserId, String detail) {}

  /** The most events {@link #latest} answers at once. */
  public static final int MAX_LATEST = 500;

  /**
   * The latest events, newest first.
   *
   * @param limit how many, 1 to {@link #MAX_LATEST}
   * @throws IllegalArgumentException for a limit outside that range
   */
  public List<Entry> latest(int limit) {
    if (limit < 1 || limit > MAX_LATEST) {
      throw new IllegalArgumentException("limit is a whole number from 1 to " + MAX_LATEST);
    }
    return tx.inTransaction(em -> {
      try (PreparedStatement query = em.unwrap(Connection.class).prepareStatement("SELECT occurred_at, action,"
          + " actor_kind, actor_user_id, issuer, client_id, deployment_id, context_id, subject_user_id, detail"
          + " FROM audit_event ORDER BY occurred_at DESC, id")) {
        query.setMaxRows(limit);
        List<Entry> entries = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            entries.add(new Entry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10)));
          }
        }
        return entries;
      } catch (SQLException e) {
        throw new IllegalStateException("Reading the audit log failed: " + e.getMessage(), e);
      }
    });
  }

  /**
   * Whether an event of {@code action} by {@code actorKind} whose detail contains {@code detailPart}
   * is in the log (events are removed only with a course's retention or a registration's erasure,
   * which keeps the administrators' own).
   */
  public boolean recorded(String action, ActorKind actorKind, String detailPart) {
    String pattern = "%" + detailPart.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return !tx.read(em -> em.createNativeQuery("SELECT 1 FROM audit_event WHERE action = ? AND actor_kind = ?"
            + " AND detail LIKE ? ESCAPE '\\'")
        .setParameter(1, action).setParameter(2, actorKind.name()).setParameter(3, pattern)
        .setMaxResults(1).getResultList()).isEmpty();
  }

  private static String shorten(String detail) {
    return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
  }
}
