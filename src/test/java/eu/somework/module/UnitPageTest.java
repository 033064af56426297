package eu.somework.module;

import eu.somework.testsupport.ModuleFixtures;

import eu.somework.content.ContentCatalogue;
import eu.somework.content.ContentRules;
import eu.somework.content.Unit;
import eu.somework.progress.ProgressStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.web.UiLanguage;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The unit page as a learner's browser gets it, for every real unit in every language. */
class UnitPageTest {
  static final AppLinks STUDENT_LINKS = new AppLinks("tok.en-1", Optional.empty());

  static Stream<Arguments> unitLanguagePairs() {
    return ModuleFixtures.unitLanguagePairs();
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("unitLanguagePairs")
  void everyUnitPageHasOneTitleItsSelfCheckAndItsTask(String id, UiLanguage language) {
    Unit unit = ModuleFixtures.CATALOGUE.find(id).orElseThrow();
    String html = UnitPage.render(unit, language, STUDENT_LINKS, Optional.of(ProgressStatus.READ));
    assertEquals(1, count(html, "<h1"), "one h1");
    assertTrue(html.contains("<h1>" + org.owasp.encoder.Encode.forHtmlContent(unit.title(language)) + "</h1>"));
    assertTrue(html.contains("<html lang=\"" + language.code() + "\" dir=\"" + language.dir() + "\">"));
    assertTrue(count(html, "<details class=\"self-check\">") >= 3, "self-check questions");
    assertTrue(html.contains("<section class=\"task\""), "reflection task");
    assertEquals(unit.reflection(language).criteria().size(), count(html, "<th scope=\"row\">"), "rubric rows");
    assertTrue(html.contains("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\""),
        "rubric scrolls on a phone, and with the keyboard");
    assertTrue(html.contains("data-status=\"READ\""));
    assertFalse(html.contains("class=\"notice\""), "no fallback notice when the language exists");
    assertEveryToolLinkCarriesTheSession(html, "tok.en-1");
  }

  @Test
  void arabicPagesRunRightToLeft() {
    Unit unit = ModuleFixtures.CATALOGUE.units().get(0);
    String html = UnitPage.render(unit, UiLanguage.AR, STUDENT_LINKS, Optional.empty());
    assertTrue(html.contains("<html lang=\"ar\" dir=\"rtl\">"), html.substring(0, 80));
    assertTrue(html.contains("<option value=\"ar\" lang=\"ar\" dir=\"rtl\" selected>العربية</option>"));
  }

  @Test
  void aUnitMissingTheLearnersLanguageIsShownInEnglishAndSaysSo() {
    Unit unit = ContentCatalogue.from(ModuleFixtures.FIXTURES.resolve("valid")).find("first-steps").orElseThrow();
    String html = UnitPage.render(unit, UiLanguage.PL, STUDENT_LINKS, Optional.empty());
    assertTrue(html.contains("<html lang=\"pl\" dir=\"ltr\">"));
    assertTrue(html.contains("<p class=\"notice\" role=\"note\">Ta część nie jest jeszcze dostępna po polsku,"), html);
    assertTrue(html.contains("<article class=\"unit\" data-unit=\"first-steps\" lang=\"en\" dir=\"ltr\"><h1>First steps</h1>"));
    assertTrue(html.contains("<h2 id=\"task\" lang=\"pl\" dir=\"ltr\">Zadanie refleksyjne</h2>"), "interface text stays Polish");
  }

  @Test
  void theTaskShowsTheRevisionRuleAboveTheRubric() {
    Unit unit = ContentCatalogue.from(ModuleFixtures.FIXTURES.resolve("valid"), ContentRules.FULL)
        .find("first-steps").orElseThrow();
    String html = UnitPage.render(unit, UiLanguage.FI, STUDENT_LINKS, Optional.empty());
    int rule = html.indexOf("<p class=\"revision-rule\">Voit muokata pohdintaasi kerran viikon sisällä palautteesta.</p>");
    assertTrue(rule > html.indexOf("<section class=\"task\"") && rule < html.indexOf("<table class=\"rubric\">"), html);
  }

  @Test
  void aTaskWithoutARevisionRuleShowsNone() {
    // only the core rules let a language lack its revision rule
    Unit unit = ContentCatalogue.from(ModuleFixtures.FIXTURES.resolve("broken/revision-rule-missing"),
        ContentRules.CORE).find("sample").orElseThrow();
    assertEquals(0, count(UnitPage.render(unit, UiLanguage.FI, STUDENT_LINKS, Optional.empty()), "revision-rule"));
    assertEquals(1, count(UnitPage.render(unit, UiLanguage.EN, STUDENT_LINKS, Optional.empty()), "revision-rule"));
  }

  @Test
  void anEnglishUnitInsideAnArabicPageRunsLeftToRight() {
    Unit unit = ContentCatalogue.from(ModuleFixtures.FIXTURES.resolve("valid")).find("first-steps").orElseThrow();
    String html = UnitPage.render(unit, UiLanguage.AR, STUDENT_LINKS, Optional.empty());
    assertTrue(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assertTrue(html.contains("lang=\"en\" dir=\"ltr\"><h1>First steps</h1>"));
  }

  @Test
  void theLanguageMenuPostsTheSessionAndThePageToReturnTo() {
    Unit unit = ModuleFixtures.CATALOGUE.find("data-protection").orElseThrow();
    String html = UnitPage.render(unit, UiLanguage.FI, STUDENT_LINKS, Optional.empty());
    assertTrue(html.contains("<form class=\"language\" method=\"post\" action=\"/app/language\">"
        + "<input type=\"hidden\" name=\"s\" value=\"tok.en-1\">"
        + "<input type=\"hidden\" name=\"return\" value=\"/app/units/data-protection\">"
        + "<label for=\"language-select\">Kieli</label>"), html);
    assertEquals(5, count(html, "<option value="));
  }

  @Test
  void aGuestsLinksCarryTheirLanguage() {
    Unit unit = ModuleFixtures.CATALOGUE.find("data-protection").orElseThrow();
    String html = UnitPage.render(unit, UiLanguage.LV, new AppLinks("t", Optional.of(UiLanguage.LV)), Optional.empty());
    assertTrue(html.contains("href=\"/app/overview?s=t&amp;lang=lv\""), html);
  }

  static void assertEveryToolLinkCarriesTheSession(String html, String token) {
    Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
    List<String> toolLinks = new java.util.ArrayList<>();
    while (href.find()) {
      String target = href.group(1);
      if (target.startsWith("/app")) {
        toolLinks.add(target);
        assertTrue(target.contains("?s=" + token), target);
      } else {
        assertTrue(target.startsWith("https://") || target.startsWith("#") || target.startsWith("/static/")
            || target.startsWith("/content/"), "unexpected link " + target);
      }
    }
    assertFalse(toolLinks.isEmpty(), "the page links back into the tool");
  }

  static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
