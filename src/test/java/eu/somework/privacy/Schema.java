package eu.somework.privacy;

import eu.somework.testsupport.MigratedDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The migrated schema as the database itself reports it (information_schema, the same on H2 and
 * PostgreSQL), and every row of every table: what the privacy tests check against, so a table or
 * column added later is checked without changing them.
 */
final class Schema {
  private Schema() {}

  /** Table name → its column names, lower case, of the tables (not views) in the current schema. */
  static Map<String, List<String>> tables(MigratedDatabase db) {
    Map<String, List<String>> tables = new TreeMap<>();
    stored(db).forEach((name, columns) -> tables.put(lower(name), columns));
    return tables;
  }

  /** The same, with each table's name as the database stores it (H2: upper case, unless quoted). */
  private static Map<String, List<String>> stored(MigratedDatabase db) {
    return db.inTransaction(em -> {
      Map<String, List<String>> tables = new TreeMap<>();
      for (Map<String, Object> row : Sql.in(em).rows("SELECT c.table_name, c.column_name"
          + " FROM information_schema.columns c JOIN information_schema.tables t"
          + " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
          + " WHERE c.table_schema = CURRENT_SCHEMA AND t.table_type = 'BASE TABLE'"
          + " ORDER BY c.table_name, c.ordinal_position")) {
        tables.computeIfAbsent(row.get("table_name").toString(), t -> new ArrayList<>()).add(lower(row.get("column_name")));
      }
      return tables;
    });
  }

  /**
   * Every row of every table, each as "table" → column → value (text, number, boolean or ISO time),
   * sorted so that two snapshots compare equal when the data is the same.
   */
  static TreeSet<String> snapshot(MigratedDatabase db) {
    Map<String, List<String>> tables = stored(db);
    return db.inTransaction(em -> {
      TreeSet<String> rows = new TreeSet<>();
      Sql sql = Sql.in(em);
      for (String table : tables.keySet()) {
        for (Map<String, Object> row : sql.rows("SELECT * FROM \"" + table + "\"")) {
          rows.add(lower(table) + " " + new TreeMap<>(row));
        }
      }
      return rows;
    });
  }

  /** Every row as a map of its table's columns, with its table under the key "@table". */
  static List<Map<String, Object>> rows(MigratedDatabase db) {
    Map<String, List<String>> tables = stored(db);
    return db.inTransaction(em -> {
      List<Map<String, Object>> rows = new ArrayList<>();
      Sql sql = Sql.in(em);
      for (String table : tables.keySet()) {
        for (Map<String, Object> row : sql.rows("SELECT * FROM \"" + table + "\"")) {
          Map<String, Object> tagged = new LinkedHashMap<>(row);
          tagged.put("@table", lower(table));
          rows.add(tagged);
        }
      }
      return rows;
    });
  }

  private static String lower(Object name) {
    return name.toString().toLowerCase(Locale.ROOT);
  }
}
