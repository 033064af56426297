package eu.somework.content;

import eu.somework.testsupport.ModuleFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The glossary file format: the valid fixture's fi.yaml with one line changed, one exact message each. */
class GlossaryReaderTest {
  private static final String VALID = read();

  private static String read() {
    try {
      return Files.readString(ModuleFixtures.FIXTURES.resolve("valid/glossary/fi.yaml"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> problemsOf(String yaml, String fileLanguage) {
    List<ContentProblem> sink = ProblemList.newSink();
    GlossaryReader.read(yaml, fileLanguage, new ProblemList("glossary/" + fileLanguage + ".yaml", sink));
    return sink.stream().map(ContentProblem::toString).toList();
  }

  private static String change(String from, String to) {
    assertTrue(VALID.contains(from), from);
    return VALID.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
  }

  @Test
  void theValidGlossaryIsRead() {
    List<ContentProblem> sink = ProblemList.newSink();
    Glossary fi = GlossaryReader.read(VALID, "fi", new ProblemList("glossary/fi.yaml", sink)).orElseThrow();
    assertEquals(List.of(), sink);
    assertEquals("Itsearviointi", fi.selfCheckHeading());
    assertEquals("Tapaus:", fi.casePrefix());
    assertTrue(fi.matchInsideWords());
    assertEquals(List.of(new Glossary.Term("duty of confidentiality", "salassapitovelvollisuus",
        List.of("vaitiolovelvollisuu"))), fi.terms());
  }

  @Test
  void theLanguageMustBeTheFileName() {
    assertEquals(List.of("glossary/fi.yaml:2: 'language' is 'lv' but the file is fi.yaml"),
        problemsOf(change("language: fi", "language: lv"), "fi"));
  }

  @Test
  void theFileIsNamedAfterALanguageTheToolOffers() {
    assertEquals(List.of("glossary/sv.yaml: a glossary is named after a language the tool offers"
        + " (en, fi, lv, pl, ar), as <lang>.yaml"), problemsOf(VALID, "sv"));
  }

  @Test
  void onlyTheDocumentedKeysAreAllowed() {
    assertEquals(List.of("glossary/fi.yaml:3: unknown key 'tone' (expected headings, language, matchInsideWords,"
            + " register, terms)"),
        problemsOf(change("register:", "tone:"), "fi"));
    assertEquals(List.of("glossary/fi.yaml:11: unknown key 'terms item.prefer' (expected avoid, concept, use)"),
        problemsOf(change("    avoid:", "    prefer:"), "fi"));
  }

  @Test
  void theRightRenderingIsNotEmpty() {
    assertEquals(List.of("glossary/fi.yaml:10: 'terms item.use' must be a non-empty text"),
        problemsOf(change("use: \"salassapitovelvollisuus\"", "use: \"\""), "fi"));
  }

  @Test
  void bothHeadingsAreRequired() {
    assertEquals(List.of("glossary/fi.yaml:6: 'headings.casePrefix' is missing"),
        problemsOf(change("  casePrefix: \"Tapaus:\"\n", ""), "fi"));
  }

  @Test
  void matchInsideWordsIsTrueOrFalse() {
    assertEquals(List.of("glossary/fi.yaml:4: 'matchInsideWords' must be true or false"),
        problemsOf(change("matchInsideWords: true", "matchInsideWords: yes"), "fi"));
  }

  @Test
  void aConceptHasOneEntry() {
    String twice = VALID + "  - concept: \"duty of confidentiality\"\n    use: \"vaitiolo\"\n";
    assertEquals(List.of("glossary/fi.yaml:12: the concept 'duty of confidentiality' has more than one entry"),
        problemsOf(twice, "fi"));
  }
}
