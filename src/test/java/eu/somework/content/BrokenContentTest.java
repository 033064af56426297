package eu.somework.content;

import eu.somework.testsupport.ModuleFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.somework.web.UiLanguage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each fixture under content-fixtures/broken/ is the valid fixture unit with one thing wrong;
 * the catalogue must leave it out with exactly one message naming the file, the line and the fault.
 * The fixtures are checked with {@link ContentRules#FULL}, whatever rules are in force for the
 * real module. Fixtures with a glossary/ folder carry copies of the valid fixture's glossaries.
 */
class BrokenContentTest {
  static final Path FIXTURES = ModuleFixtures.FIXTURES;

  @Test
  void theValidFixtureIsServed() {
    ContentCatalogue catalogue = ContentCatalogue.from(FIXTURES.resolve("valid"), ContentRules.FULL);
    assertEquals(List.of(), catalogue.problems());
    assertEquals(List.of("first-steps"), catalogue.units().stream().map(Unit::id).toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing-language-file     | sample/fi.md: the file is missing (unit.yaml declares the language 'fi')
      points-do-not-add-up      | sample/unit.yaml:6: reflection.maxPoints is 8 but the top levels of the rubric criteria add up to 6
      bad-yaml-syntax           | sample/unit.yaml:10: not valid YAML: expected ',' or ']', but got :
      title-mismatch            | sample/fi.md:1: the title 'Ensimmäiset askeleet' differs from the title in unit.yaml 'Ensiaskeleet'
      broken-relative-link      | sample/en.md:7: image 'images/missing.png' does not name a file inside the unit folder
      link-outside-unit         | sample/en.md:9: link '../first-steps/en.md' does not name a file inside the unit folder
      javascript-link           | sample/en.md:9: link 'javascript:alert(1)' must use https:// or be a relative path to a file inside the unit folder
      malformed-self-check      | sample/en.md:19: self-check question needs an 'A:' line directly after it
      levels-not-ascending      | sample/unit.yaml:9: rubric criterion 'understanding' levels must ascend
      missing-level-description | sample/unit.yaml:51: 'text.fi.reflection.criteria.understanding.levels' has 2 descriptions but rubric criterion 'understanding' has 3 levels
      id-differs-from-folder    | sample/unit.yaml:1: id 'other-name' must equal the folder name 'sample'
      words-missing             | sample/unit.yaml:6: 'reflection.words' is missing
      words-not-a-range         | sample/unit.yaml:12: 'reflection.words.min' (500) must be less than 'reflection.words.max' (300)
      prompt-without-range      | sample/unit.yaml:43: 'text.fi.reflection.prompt' must state the length from reflection.words, 300 to 500 words; 500 is missing
      revision-rule-missing     | sample/unit.yaml:43: 'text.fi.reflection.revisionRule' is missing
      avoided-term-in-text      | sample/fi.md:14: 'Vaitiolovelvollisuuden': use 'salassapitovelvollisuus' for 'duty of confidentiality' (glossary/fi.yaml avoids 'vaitiolovelvollisuu')
      avoided-term-in-unit-yaml | sample/unit.yaml:39: 'vaitiolovelvollisuus': use 'salassapitovelvollisuus' for 'duty of confidentiality' (glossary/fi.yaml avoids 'vaitiolovelvollisuu')
      self-check-heading-not-glossary | sample/fi.md:16: the heading above the self-check is 'Tarkista osaamisesi' but glossary/fi.yaml says 'Itsearviointi'
      sections-differ           | sample/fi.md: has 2 '## ' sections but en.md has 3
      self-check-count-differs  | sample/fi.md:18: the self-check has 1 question but the one in en.md has 2
      case-count-differs        | sample/fi.md: has 0 case sections (headings starting with 'Tapaus:') but en.md has 1
      no-english-case           | sample/en.md: needs at least one case section: a '## ' heading starting with 'Case:'
      """)
  void aBrokenUnitIsLeftOutWithItsFileLineAndFault(String fixture, String expected) {
    ContentCatalogue catalogue = ContentCatalogue.from(FIXTURES.resolve("broken").resolve(fixture), ContentRules.FULL);
    assertEquals(List.of(), catalogue.units());
    assertEquals(List.of(expected), catalogue.problems().stream().map(ContentProblem::toString).toList());
  }

  @Test
  void theValidFixtureGivesThePagesItsWordRangeAndRevisionRule() {
    Unit unit = ContentCatalogue.from(FIXTURES.resolve("valid"), ContentRules.FULL).find("first-steps").orElseThrow();
    assertEquals(Optional.of(new WordRange(300, 500)), unit.reflection(UiLanguage.FI).words());
    assertEquals(Optional.of("Voit muokata pohdintaasi kerran viikon sisällä palautteesta."),
        unit.reflection(UiLanguage.FI).revisionRule());
    assertEquals(Optional.of("You may revise your reflection once, within a week of the feedback."),
        unit.reflection(UiLanguage.EN).revisionRule());
  }

  @Test
  void aBrokenGlossaryIsNamedAndTheUnitsAreCheckedWithoutIt() {
    ContentCatalogue catalogue =
        ContentCatalogue.from(FIXTURES.resolve("broken/glossary-avoids-its-own-rendering"), ContentRules.FULL);
    assertEquals(List.of("glossary/fi.yaml:11: avoid 'Salassapito' is part of its own use 'salassapitovelvollisuus',"
            + " so the right rendering would be reported too"),
        catalogue.problems().stream().map(ContentProblem::toString).toList());
    assertEquals(List.of("sample"), catalogue.units().stream().map(Unit::id).toList());
  }

  @Test
  void underTheCoreRulesTheIssue8ChecksAreOff() {
    for (String fixture : List.of("words-missing", "prompt-without-range", "revision-rule-missing",
        "avoided-term-in-text", "sections-differ", "no-english-case", "glossary-avoids-its-own-rendering")) {
      ContentCatalogue catalogue = ContentCatalogue.from(FIXTURES.resolve("broken").resolve(fixture), ContentRules.CORE);
      assertEquals(List.of(), catalogue.problems(), fixture);
      assertEquals(List.of("sample"), catalogue.units().stream().map(Unit::id).toList(), fixture);
    }
  }

  @Test
  void underTheCoreRulesTheNewKeysAreStillCheckedWhereTheyAreWritten() {
    ContentCatalogue catalogue = ContentCatalogue.from(FIXTURES.resolve("broken/words-not-a-range"), ContentRules.CORE);
    assertEquals(List.of("sample/unit.yaml:12: 'reflection.words.min' (500) must be less than 'reflection.words.max'"
        + " (300)"), catalogue.problems().stream().map(ContentProblem::toString).toList());
  }

  @Test
  void twoUnitsClaimingOnePlaceAreBothLeftOut() {
    ContentCatalogue catalogue = ContentCatalogue.from(FIXTURES.resolve("broken/order-used-twice"), ContentRules.FULL);
    assertEquals(List.of(), catalogue.units());
    assertEquals(List.of("alpha/unit.yaml:2: order 2 is also used by unit 'beta'; each unit needs its own",
            "beta/unit.yaml:2: order 2 is also used by unit 'alpha'; each unit needs its own"),
        catalogue.problems().stream().map(ContentProblem::toString).toList());
  }

  @Test
  void aBrokenUnitDoesNotStopTheOthers(@TempDir Path content) throws IOException {
    copy(FIXTURES.resolve("valid/first-steps"), content.resolve("first-steps"));
    copy(FIXTURES.resolve("broken/title-mismatch/sample"), content.resolve("sample"));
    ContentCatalogue catalogue = ContentCatalogue.from(content, ContentRules.FULL);
    assertEquals(List.of("first-steps"), catalogue.units().stream().map(Unit::id).toList());
    assertEquals(1, catalogue.problems().size());
    assertEquals(java.util.Optional.empty(), catalogue.find("sample"));
  }

  @Test
  void aMissingContentFolderIsAProblemNotACrash(@TempDir Path parent) {
    ContentCatalogue catalogue = ContentCatalogue.from(parent.resolve("nowhere"));
    assertEquals(List.of(), catalogue.units());
    assertEquals(1, catalogue.problems().size());
    assertEquals("nowhere", catalogue.problems().get(0).file());
  }

  @Test
  void aMissingUnitYamlIsNamed(@TempDir Path content) throws IOException {
    copy(FIXTURES.resolve("valid/first-steps"), content.resolve("first-steps"));
    Files.delete(content.resolve("first-steps/unit.yaml"));
    assertEquals(List.of("first-steps/unit.yaml: the file is missing"),
        ContentCatalogue.from(content, ContentRules.FULL).problems().stream().map(ContentProblem::toString).toList());
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
