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
  void onlyTheUnitBodyAndSanitisedReflectionsAreWrittenUnescaped() throws IOException {
    Map<String, Integer> unsafe = new TreeMap<>();
    templates().forEach((name, source) -> {
      int count = source.split("\\$unsafe\\{", -1).length - 1;
      if (count > 0) {
        unsafe.put(name, count);
      }
    });
    assertEquals(Map.of("module/unit.jte", 1, "reflection/editor.jte", 1, "reflection/teacher.jte", 2,
        "reflection/blog.jte", 1, "grading/form.jte", 2), unsafe);
    // in the reflection pages, only the HTML that reflection.ReflectionHtml sanitised
    Pattern sanitised = Pattern.compile("\\$unsafe\\{(page\\.draftHtml\\(\\)|[a-z]+(\\.latest\\(\\))?\\.html\\(\\))}");
    templates().forEach((name, source) -> {
      if (name.startsWith("reflection/") || name.startsWith("grading/")) {
        assertEquals(unsafe.getOrDefault(name, 0).longValue(), sanitised.matcher(source).results().count(), name);
      }
    });
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
