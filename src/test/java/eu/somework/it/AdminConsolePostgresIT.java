package eu.somework.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link AdminConsoleChecks} on the server as an institution runs it (PostgreSQL, keys encrypted,
 * no simulator), where the test reads the database itself: after a deletion, no row of any table
 * of the schema names the deleted platform in any text column — except the administrators' own audit
 * events, which a deletion keeps on purpose (who added, changed and deleted it).
 */
@ExtendWith({PostgresDatabase.class, ArquillianExtension.class})
@RunAsClient
class AdminConsolePostgresIT extends AdminConsoleChecks {
  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @Override
  Optional<Map<String, Long>> rowsNaming(String value) throws Exception {
    Map<String, List<String>> textColumns = PostgresDatabase.rows("SELECT table_name, column_name"
            + " FROM information_schema.columns WHERE table_schema = current_schema()"
            + " AND data_type IN ('character varying', 'text', 'character')"
            + " AND table_name IN (SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')").stream()
        .collect(Collectors.groupingBy(row -> row.get(0), LinkedHashMap::new,
            Collectors.mapping(row -> row.get(1), Collectors.toList())));
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> table : textColumns.entrySet()) {
      String where = table.getValue().stream().map(c -> "\"" + c + "\" = ?").collect(Collectors.joining(" OR "));
      Object[] values = table.getValue().stream().map(c -> value).toArray();
      String kept = table.getKey().equals("audit_event") ? " AND actor_kind <> 'ADMINISTRATOR'" : "";
      long rows = Long.parseLong(PostgresDatabase.rows("SELECT COUNT(*) FROM \"" + table.getKey() + "\" WHERE ("
          + where + ")" + kept, values).get(0).get(0));
      if (rows > 0) {
        counts.put(table.getKey(), rows);
      }
    }
    return Optional.of(counts);
  }
}
