package eu.somework.content;

import eu.somework.testsupport.ModuleFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * unit.yaml schema checks under {@link ContentRules#FULL}: the valid fixture with one line changed,
 * one exact message each.
 */
class MetadataReaderTest {
  private static final String VALID = read();

  private static String read() {
    try {
      return Files.readString(ModuleFixtures.FIXTURES.resolve("valid/first-steps/unit.yaml"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> problemsOf(String yaml) {
    List<ContentProblem> sink = ProblemList.newSink();
    new MetadataReader(ContentRules.FULL, Map.of()).read(yaml, "first-steps", new ProblemList("first-steps/unit.yaml", sink));
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
    assertEquals(List.of("first-steps/unit.yaml:37: 'text.fi' is not one of the declared languages"),
        problemsOf(change("languages: [en, fi]", "languages: [en]")));
  }

  @Test
  void aCriterionTheRubricDoesNotHaveIsNamed() {
    assertEquals(List.of("first-steps/unit.yaml:25: 'text.en.reflection.criteria.understandin' is missing",
            "first-steps/unit.yaml:25: 'text.en.reflection.criteria.understanding' is not a criterion of"
                + " reflection.rubric"),
        problemsOf(change("- id: understanding", "- id: understandin")).stream().limit(2).toList());
  }

  @Test
  void aWordRangeAboveTheLimitIsNamed() {
    assertEquals(List.of("first-steps/unit.yaml:12: 'reflection.words.max' is 6000 but a reflection may ask for at"
            + " most 5000 words"),
        problemsOf(change("words: {min: 300, max: 500}", "words: {min: 300, max: 6000}")));
  }

  @Test
  void aWordRangeStartsAboveZero() {
    assertEquals(List.of("first-steps/unit.yaml:12: 'reflection.words.min' must be a whole number of at least 1"),
        problemsOf(change("words: {min: 300, max: 500}", "words: {min: 0, max: 500}")));
  }

  @Test
  void aWordRangeIsTwoNumbersAndNothingElse() {
    assertEquals(List.of("first-steps/unit.yaml:12: unknown key 'reflection.words.average' (expected max, min)"),
        problemsOf(change("words: {min: 300, max: 500}", "words: {min: 300, max: 500, average: 400}")));
    assertEquals(List.of("first-steps/unit.yaml:12: 'reflection.words' must be a mapping of names to values"),
        problemsOf(change("words: {min: 300, max: 500}", "words: 300-500")));
  }

  @Test
  void aPromptMissingBothNumbersNamesBoth() {
    assertEquals(List.of("first-steps/unit.yaml:20: 'text.en.reflection.prompt' must state the length from"
            + " reflection.words, 300 to 500 words; 300 and 500 are missing"),
        problemsOf(change("Write about a fixture in 300–500 words.", "Write about a fixture in 3000 words.")));
  }

  @Test
  void aPromptMayWriteTheRangeInArabicIndicOrPersianDigitsOrGroupThousands() {
    assertEquals(List.of(), problemsOf(change("Kirjoita testiaineistosta 300–500 sanaa.",
        "Kirjoita testiaineistosta ٣٠٠–٥٠٠ sanaa.")));
    assertEquals(List.of(), problemsOf(change("Kirjoita testiaineistosta 300–500 sanaa.",
        "Kirjoita testiaineistosta ۳۰۰ – ۵۰۰ sanaa.")));
    String long_ = change("words: {min: 300, max: 500}", "words: {min: 1000, max: 2500}")
        .replace("in 300–500 words.", "in 1,000 to 2,500 words.");
    assertEquals(List.of(), problemsOf(long_.replace("300–500 sanaa.", "1 000–2 500 sanaa.")));
  }

  @Test
  void anArabicTextStatesTheRangeInItsOwnDigits() {
    String withArabic = change("languages: [en, fi]", "languages: [en, fi, ar]") + VALID.substring(VALID.indexOf("  fi:"))
        .replace("  fi:", "  ar:").replace("Kirjoita testiaineistosta 300–500 sanaa.", "اكتب عن أداة الاختبار في ٣٠٠–٥٠٠ كلمة.");
    assertEquals(List.of(), problemsOf(withArabic));
    assertEquals(List.of("first-steps/unit.yaml:66: 'text.ar.reflection.prompt' must state the length from"
            + " reflection.words, 300 to 500 words; 500 is missing"),
        problemsOf(withArabic.replace("٣٠٠–٥٠٠", "٣٠٠–٥٠")));
  }

  @Test
  void theRevisionRuleIsASentence() {
    assertEquals(List.of("first-steps/unit.yaml:21: 'text.en.reflection.revisionRule' must be a non-empty text"),
        problemsOf(change("You may revise your reflection once, within a week of the feedback.", " ")));
  }

  @Test
  void underTheCoreRulesAUnitWithoutTheNewKeysIsValid() {
    String old = change("  words: {min: 300, max: 500}\n", "")
        .replaceAll("(?m)^      revisionRule: .*\n", "");
    List<ContentProblem> sink = ProblemList.newSink();
    var read = new MetadataReader(ContentRules.CORE, Map.of()).read(old, "first-steps",
        new ProblemList("first-steps/unit.yaml", sink));
    assertEquals(List.of(), sink);
    assertEquals(java.util.Optional.empty(),
        read.orElseThrow().texts().get(eu.somework.web.UiLanguage.FI).reflection().words());
    assertEquals("first-steps/unit.yaml:6: 'reflection.words' is missing", problemsOf(old).get(0), "but not under FULL");
  }
}
