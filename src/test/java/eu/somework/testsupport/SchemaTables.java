package eu.somework.testsupport;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The application's tables in an order rows can be deleted in: a referencing table before the one it references. */
final class SchemaTables {
  private static final String FLYWAY_HISTORY = "flyway_schema_history";

  private SchemaTables() {}

  static List<String> childrenFirst(JdbcDatabase db) {
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
      DatabaseMetaData meta = c.getMetaData();
      Map<String, Set<String>> referencedBy = new HashMap<>();
      try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String table = rs.getString("TABLE_NAME");
          if (!table.equalsIgnoreCase(FLYWAY_HISTORY)) {
            referencedBy.put(table, new HashSet<>());
          }
        }
      }
      for (String table : referencedBy.keySet()) {
        try (ResultSet rs = meta.getImportedKeys(null, c.getSchema(), table)) {
          while (rs.next()) {
            referencedBy.get(rs.getString("PKTABLE_NAME")).add(table);
          }
        }
      }
      return order(referencedBy);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the tables of " + db.url(), e);
    }
  }

  private static List<String> order(Map<String, Set<String>> referencedBy) {
    List<String> ordered = new ArrayList<>();
    while (ordered.size() < referencedBy.size()) {
      int before = ordered.size();
      referencedBy.forEach((table, children) -> {
        if (!ordered.contains(table) && ordered.containsAll(children)) {
          ordered.add(table);
        }
      });
      if (ordered.size() == before) {
        throw new IllegalStateException("Tables reference each other in a cycle: " + referencedBy);
      }
    }
    return ordered;
  }
}
