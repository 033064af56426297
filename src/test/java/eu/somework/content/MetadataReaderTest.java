package eu.somework.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** unit.yaml schema checks: the valid fixture with one line changed, one exact message each. */
class MetadataReaderTest {
  private static final String VALID = read();

  private static String read() {
    try {
      return Files.readString(BrokenContentTest.FIXTURES.resolve("valid/first-steps/unit.yaml"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> problemsOf(String yaml) {
    List<ContentProblem> sink = ProblemList.newSink();
    new MetadataReader().read(yaml, "first-steps", new ProblemList("first-steps/unit.yaml", sink));
    return sink.stream().map(ContentProblem::toString).toList();
  }

  private static String change(String from, String to) {
    assertTrue(VALID.contains(from), from);
    return VALID.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
  }

  @Test
  void theValidFixtureHasNoProblems() {
    assertEquals(List.of(), problemsOf(VALID));
  }

  @Test
  void aQuotedNumberIsNotANumber() {
    assertEquals(List.of("first-steps/unit.yaml:3: 'estimatedMinutes' must be a whole number of at least 1"),
        problemsOf(change("estimatedMinutes: 10", "estimatedMinutes: \"10\"")));
  }

  @Test
  void aMissingRequiredFieldIsNamed() {
    assertEquals(List.of("first-steps/unit.yaml:1: 'order' is missing"), problemsOf(change("order: 1\n", "")));
  }

  @Test
  void aMisspelledKeyIsNamed() {
    assertEquals(List.of("first-steps/unit.yaml:3: unknown key 'estimatedMinutez' (expected estimatedMinutes, id,"
            + " languages, order, reflection, text)", "first-steps/unit.yaml:1: 'estimatedMinutes' is missing"),
        problemsOf(change("estimatedMinutes:", "estimatedMinutez:")));
  }

  @Test
  void aLanguageTheToolDoesNotOfferIsNamed() {
    assertEquals(List.of("first-steps/unit.yaml:4: language 'de' is not one the tool offers (en, fi, lv, pl, ar)"),
        problemsOf(change("languages: [en, fi]", "languages: [en, fi, de]")));
  }

  @Test
  void englishIsRequiredAsTheFallback() {
    List<String> problems = problemsOf(change("languages: [en, fi]", "languages: [fi]"));
    assertEquals("first-steps/unit.yaml:4: 'languages' must include 'en': English is shown when a learner's language"
        + " is missing", problems.get(0));
  }

  @Test
  void aTextBlockForAnUndeclaredLanguageIsNamed() {
    assertEquals(List.of("first-steps/unit.yaml:35: 'text.fi' is not one of the declared languages"),
        problemsOf(change("languages: [en, fi]", "languages: [en]")));
  }

  @Test
  void aCriterionTheRubricDoesNotHaveIsNamed() {
    assertEquals(List.of("first-steps/unit.yaml:23: 'text.en.reflection.criteria.understandin' is missing",
            "first-steps/unit.yaml:23: 'text.en.reflection.criteria.understanding' is not a criterion of"
                + " reflection.rubric"),
        problemsOf(change("- id: understanding", "- id: understandin")).stream().limit(2).toList());
  }
}
