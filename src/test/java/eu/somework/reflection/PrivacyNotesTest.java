package eu.somework.reflection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every table and column the reflections keep is named in the privacy notes people read. */
class PrivacyNotesTest {
  private static final Path MIGRATION = Path.of("src/main/resources/db/migration/V5__reflections.sql");
  private static final Path NOTES = Path.of("docs/privacy.md");

  @Test
  void everyReflectionColumnIsNamedInDocsPrivacy() throws IOException {
    String notes = Files.readString(NOTES);
    List<String> missing = new ArrayList<>();
    Matcher table = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL)
        .matcher(Files.readString(MIGRATION));
    int tables = 0;
    while (table.find()) {
      tables++;
      if (!notes.contains("`" + table.group(1) + "`")) {
        missing.add(table.group(1));
      }
      for (String line : table.group(2).split("\\n")) {
        Matcher column = Pattern.compile("^\\s+([a-z_]+)\\s+[A-Z]").matcher(line);
        if (column.find() && !notes.contains("`" + column.group(1) + "`")) {
          missing.add(table.group(1) + "." + column.group(1));
        }
      }
    }
    assertEquals(3, tables);
    assertTrue(missing.isEmpty(), "not named in docs/privacy.md: " + missing);
  }
}
