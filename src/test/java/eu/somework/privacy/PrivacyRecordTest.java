package eu.somework.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/privacy.md, the record of processing, names every table and column of the migrated schema
 * (read from the database's information_schema) that is not declared free of personal data in its
 * {@code non-personal} list; and names nothing the schema does not have.
 */
class PrivacyRecordTest {
  private static final Path RECORD = Path.of("docs/privacy.md");
  private static final Pattern SECTION = Pattern.compile("^### `([a-z_0-9]+)`\\s*$", Pattern.MULTILINE);
  private static final Pattern COLUMN_ROW = Pattern.compile("^\\| `([a-z_0-9]+)` \\|", Pattern.MULTILINE);

  private static Map<String, List<String>> schema;
  private static String record;

  @BeforeAll
  static void read() throws IOException {
    schema = Schema.tables(MigratedDatabase.emptied(DatabaseEngine.H2));
    record = Files.readString(RECORD);
  }

  @Test
  void everyTableNotDeclaredNonPersonalHasItsSectionNamingEveryColumn() {
    assertTrue(schema.size() > 20, "the schema has too few tables to be the tool's: " + schema.keySet());
    assertEquals(List.of(), unrecorded(record), "personal data not recorded in docs/privacy.md");
  }

  @Test
  void aColumnOrTableMissingFromTheRecordFailsTheCheck() {
    assertEquals(List.of("grade.teacher_note"),
        unrecorded(record.replace("| `teacher_note` |", "| teacher's note |")));
    assertEquals(List.of("sim_fault (no section \"### `sim_fault`\" and not in the non-personal list)"),
        unrecorded(record.replace("\nsim_fault ", "\n")));
  }

  /** What the schema has and the record does not name: "table" or "table.column". */
  private static List<String> unrecorded(String record) {
    Set<String> nonPersonal = nonPersonal(record);
    Map<String, Set<String>> sections = sections(record);
    List<String> missing = new ArrayList<>();
    schema.forEach((table, columns) -> {
      if (nonPersonal.contains(table)) {
        return;
      }
      if (!sections.containsKey(table)) {
        missing.add(table + " (no section \"### `" + table + "`\" and not in the non-personal list)");
        return;
      }
      columns.stream().filter(c -> !sections.get(table).contains(c)).forEach(c -> missing.add(table + "." + c));
    });
    return missing;
  }

  @Test
  void theRecordNamesNoTableOrColumnTheSchemaDoesNotHave() {
    List<String> stale = new ArrayList<>();
    nonPersonal(record).stream().filter(t -> !schema.containsKey(t)).forEach(t -> stale.add("non-personal " + t));
    sections(record).forEach((table, columns) -> {
      if (!schema.containsKey(table)) {
        stale.add("section " + table);
      } else {
        columns.stream().filter(c -> !schema.get(table).contains(c)).forEach(c -> stale.add(table + "." + c));
      }
    });
    Set<String> both = new TreeSet<>(nonPersonal(record));
    both.retainAll(sections(record).keySet());
    both.forEach(t -> stale.add("both personal and non-personal: " + t));
    assertEquals(List.of(), stale, "docs/privacy.md names what the schema does not have");
  }

  /** The first word of each line in the fenced block opened by "```non-personal". */
  static Set<String> nonPersonal(String markdown) {
    Matcher block = Pattern.compile("```non-personal\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    assertTrue(block.find(), "docs/privacy.md has a ```non-personal block");
    Set<String> tables = new TreeSet<>();
    for (String line : block.group(1).split("\\n")) {
      if (!line.isBlank()) {
        tables.add(line.trim().split("\\s+")[0]);
      }
    }
    return tables;
  }

  /** Table → the columns its section's table lists (rows that start with a back-quoted name). */
  static Map<String, Set<String>> sections(String markdown) {
    Map<String, Set<String>> sections = new LinkedHashMap<>();
    Matcher heading = SECTION.matcher(markdown);
    List<int[]> bounds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (heading.find()) {
      names.add(heading.group(1));
      bounds.add(new int[] {heading.end(), 0});
    }
    for (int i = 0; i < names.size(); i++) {
      int end = i + 1 < names.size() ? markdown.lastIndexOf("###", markdown.indexOf("### `" + names.get(i + 1)))
          : nextHeading(markdown, bounds.get(i)[0]);
      Set<String> columns = new TreeSet<>();
      Matcher row = COLUMN_ROW.matcher(markdown.substring(bounds.get(i)[0], end));
      while (row.find()) {
        columns.add(row.group(1));
      }
      sections.put(names.get(i), columns);
    }
    return sections;
  }

  private static int nextHeading(String markdown, int from) {
    int next = markdown.indexOf("\n## ", from);
    return next < 0 ? markdown.length() : next;
  }
}
