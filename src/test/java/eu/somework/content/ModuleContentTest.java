package eu.somework.content;

import eu.somework.testsupport.ModuleFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.web.UiLanguage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real module in module-content/: every unit in every language validates and renders, under
 * the rules the tool applies to it ({@link ContentRules#IN_FORCE}). Flipping that switch to FULL
 * makes these tests hold the real content to the issue 8 checks too.
 */
class ModuleContentTest {
  static final ContentCatalogue CATALOGUE = ModuleFixtures.CATALOGUE;

  @Test
  void theWholeModuleValidatesWithoutProblems() {
    assertEquals(List.of(), CATALOGUE.problems().stream().map(ContentProblem::toString).toList());
  }

  @Test
  void sixUnitsAreServedInModuleOrder() {
    assertEquals(List.of("social-media-at-work", "digital-identity", "data-protection",
            "loyalty-and-confidentiality", "networks-and-learning", "my-social-media-future"),
        CATALOGUE.units().stream().map(Unit::id).toList());
    assertEquals(List.of(1, 2, 3, 4, 5, 6), CATALOGUE.units().stream().map(Unit::order).toList());
  }

  static Stream<Arguments> unitLanguagePairs() {
    return CATALOGUE.units().stream()
        .flatMap(unit -> UiLanguage.all().stream().map(language -> Arguments.of(unit.id(), language)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("unitLanguagePairs")
  void everyUnitIsCompleteInEveryLanguage(String id, UiLanguage language) {
    Unit unit = CATALOGUE.find(id).orElseThrow();
    assertTrue(unit.isAvailableIn(language), id + " lacks " + language);
    String html = unit.html(language);
    assertTrue(html.contains("<details class=\"self-check\"><summary>"), "self-check rendered as details");
    assertTrue(html.contains("<h2 id=\""), "sections are headings with ids");
    assertTrue(!html.contains("<h1"), "the title is left to the page");
    assertTrue(!html.contains("```") && !html.contains("Q: "), "no raw self-check syntax left");
    assertEquals(unit.reflection(language).maxPoints(), unit.maxPoints());
    assertEquals(unit.text(UiLanguage.EN).reflection().criteria().size(),
        unit.reflection(language).criteria().size());
    if (ContentRules.IN_FORCE.isFull()) {
      assertTrue(unit.reflection(language).words().isPresent(), "word range");
      assertTrue(unit.reflection(language).revisionRule().isPresent(), "revision rule");
    }
  }

  @Test
  void sixUnitsInFiveLanguagesMakeThirtyPairs() {
    assertEquals(30, unitLanguagePairs().count());
  }
}
