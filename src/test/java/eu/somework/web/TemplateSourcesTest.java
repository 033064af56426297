package eu.somework.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules the template compiler does not check: nothing the Content-Security-Policy would block
 * ({@code script-src 'self'; style-src 'self'}: no inline script, style or event handler), and
 * unescaped output only where the unit's own rendered Markdown goes.
 */
class TemplateSourcesTest {
  static final Path TEMPLATES = Path.of("src/main/jte");

  @Test
  void noTemplateHasInlineScriptStyleOrEventHandlers() throws IOException {
    Pattern inline = Pattern.compile("<script(?![^>]*\\ssrc=)|<style|\\sstyle=\"|\\son[a-z]+=\"",
        Pattern.CASE_INSENSITIVE);
    Map<String, String> templates = templates();
    assertTrue(templates.size() >= 10, "the templates are found: " + templates.keySet());
    templates.forEach((name, source) -> assertFalse(inline.matcher(source).find(), name));
  }

  @Test
  void onlyTheUnitBodyIsWrittenUnescaped() throws IOException {
    List<String> unsafe = templates().entrySet().stream().filter(e -> e.getValue().contains("$unsafe{"))
        .map(Map.Entry::getKey).toList();
    assertEquals(List.of("module/unit.jte"), unsafe);
    assertEquals(1, templates().get("module/unit.jte").split("\\$unsafe\\{", -1).length - 1);
  }

  private static Map<String, String> templates() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jte")).toList()) {
        out.put(TEMPLATES.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    }
    return out;
  }
}
