package eu.somework.admin;

import eu.somework.audit.AuditLog;
import eu.somework.persistence.Transactor;
import eu.somework.platform.RegistrationChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Deletes a registration with everything the tool holds of it, in one transaction. Which tables:
 * found in the database's own catalogue (information_schema) rather than listed here, so a table a
 * later migration adds is covered the day it exists — every table with {@code issuer} and
 * {@code client_id} columns loses the registration's rows; a table keyed by {@code issuer} alone
 * (language preferences, used nonces) loses the issuer's rows when no other registration has that
 * issuer. Rows that belong to such rows through a foreign key (versions and comments of
 * reflections, criteria of grades) go first. The simulator's own tables ({@code sim_*}) are left,
 * and so are the administrators' audit events ({@code audit_event} rows whose actor is
 * {@link AuditLog.ActorKind#ADMINISTRATOR}): who added, changed and deleted a registration is the
 * accountability record of the deletion itself, and names configuration, not a person.
 */
@ApplicationScoped
public class RegistrationErasure {
  /** Tables whose rows belong to a registration only through another table's id. */
  private static final List<String[]> CHILDREN = List.of(
      new String[] {"grade_criterion", "grade_id", "grade"},
      new String[] {"reflection_version", "reflection_id", "reflection"},
      new String[] {"reflection_comment", "reflection_id", "reflection"});

  /** Rows a registration's deletion keeps, by table: an SQL condition they match. */
  private static final Map<String, String> KEPT = Map.of(
      "audit_event", "actor_kind = '" + AuditLog.ActorKind.ADMINISTRATOR.name() + "'");

  @Inject Transactor tx;

  /** An erasure over {@code tx} outside a container (tests). */
  public static RegistrationErasure over(Transactor tx) {
    RegistrationErasure erasure = new RegistrationErasure();
    erasure.tx = tx;
    return erasure;
  }

  /**
   * Deletes registration {@code id} (issuer + client id) and its data.
   *
   * @return rows deleted per table (lower-case table names), in the order they were deleted
   */
  public Map<String, Integer> erase(long id, String issuer, String clientId) {
    return tx.inTransaction(em -> {
      Map<String, Integer> deleted = new LinkedHashMap<>();
      List<String> both = tablesWith(em, true);
      for (String[] child : CHILDREN) {
        if (both.contains(child[2]) && tableExists(em, child[0])) {
          deleted.put(child[0], em.createNativeQuery("DELETE FROM " + child[0] + " WHERE " + child[1]
                  + " IN (SELECT id FROM " + child[2] + " WHERE issuer = ? AND client_id = ?)")
              .setParameter(1, issuer).setParameter(2, clientId).executeUpdate());
        }
      }
      for (String table : both) {
        deleted.put(table, em.createNativeQuery("DELETE FROM " + table + " WHERE issuer = ? AND client_id = ?"
                + kept(table)).setParameter(1, issuer).setParameter(2, clientId).executeUpdate());
      }
      long sameIssuer = ((Number) em.createNativeQuery(
              "SELECT COUNT(*) FROM platform_registration WHERE issuer = ? AND id <> ?")
          .setParameter(1, issuer).setParameter(2, id).getSingleResult()).longValue();
      if (sameIssuer == 0) {
        for (String table : tablesWith(em, false)) {
          deleted.put(table, em.createNativeQuery("DELETE FROM " + table + " WHERE issuer = ?" + kept(table))
              .setParameter(1, issuer).executeUpdate());
        }
      }
      deleted.put("platform_deployment", em.createNativeQuery(
          "DELETE FROM platform_deployment WHERE registration_id = ?").setParameter(1, id).executeUpdate());
      deleted.put("platform_registration", em.createNativeQuery(
          "DELETE FROM platform_registration WHERE id = ?").setParameter(1, id).executeUpdate());
      RegistrationChanges.recordIn(em); // every instance's caches forget it once they see the change
      return deleted;
    });
  }

  /** The condition that spares {@code table}'s kept rows ({@link #KEPT}), or nothing. */
  private static String kept(String table) {
    String condition = KEPT.get(table);
    return condition == null ? "" : " AND NOT (" + condition + ")";
  }

  /**
   * The tables of the tool's schema with an {@code issuer} column and ({@code withClient}) or
   * without a {@code client_id} column, lower case, sorted; never the registrations themselves or
   * the simulator's tables.
   */
  @SuppressWarnings("unchecked")
  private static List<String> tablesWith(EntityManager em, boolean withClient) {
    List<Object> rows = em.createNativeQuery("SELECT LOWER(c.table_name) FROM information_schema.columns c"
            + " WHERE LOWER(c.table_schema) = LOWER(CURRENT_SCHEMA) AND LOWER(c.column_name) = 'issuer'"
            + " AND " + (withClient ? "" : "NOT ") + "EXISTS (SELECT 1 FROM information_schema.columns k"
            + " WHERE k.table_schema = c.table_schema AND k.table_name = c.table_name"
            + " AND LOWER(k.column_name) = 'client_id')"
            + " AND c.table_name IN (SELECT t.table_name FROM information_schema.tables t"
            + " WHERE t.table_schema = c.table_schema AND t.table_type IN ('BASE TABLE', 'TABLE'))"
            + " ORDER BY 1").getResultList();
    return rows.stream().map(r -> r.toString().toLowerCase(Locale.ROOT))
        .filter(t -> !t.equals("platform_registration") && !t.startsWith("sim_"))
        .filter(t -> t.matches("[a-z0-9_]+"))
        .toList();
  }

  private static boolean tableExists(EntityManager em, String table) {
    return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM information_schema.tables t"
            + " WHERE LOWER(t.table_schema) = LOWER(CURRENT_SCHEMA) AND LOWER(t.table_name) = ?")
        .setParameter(1, table).getSingleResult()).longValue() > 0;
  }
}
