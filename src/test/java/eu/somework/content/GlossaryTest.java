package eu.somework.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.somework.web.UiLanguage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a glossary finds an avoided rendering in a paragraph, in the scripts and languages of the module. */
class GlossaryTest {
  private static Glossary glossary(UiLanguage language, boolean inside, String use, String... avoid) {
    return new Glossary(language, "Self-check", "Case:", inside,
        List.of(new Glossary.Term("duty of confidentiality", use, List.of(avoid))));
  }

  private static List<String> words(Glossary glossary, String paragraph) {
    return glossary.findingsIn(paragraph, paragraph).stream().map(Glossary.Finding::word).toList();
  }

  @Test
  void aStemMatchesAtTheStartOfAWordInAnyCase() {
    Glossary pl = glossary(UiLanguage.PL, false, "tajemnica zawodowa", "poufnoś");
    assertEquals(List.of("POUFNOŚCI"), words(pl, "Obowiązek POUFNOŚCI dotyczy też czasu wolnego."));
    assertEquals(List.of(), words(pl, "Nieufność to co innego."), "not inside a word");
  }

  @Test
  void latvianLettersWithDiacriticsMatchInBothCases() {
    Glossary lv = glossary(UiLanguage.LV, false, "dienesta noslēpums", "konfidencialitāt");
    assertEquals(List.of("Konfidencialitātes"), words(lv, "Konfidencialitātes pienākums attiecas arī uz brīvo laiku."));
    assertEquals(List.of("KONFIDENCIALITĀTE"), words(lv, "KONFIDENCIALITĀTE"));
  }

  @Test
  void arabicMatchesAtTheStartOfAWordAndIgnoresShortVowels() {
    Glossary ar = glossary(UiLanguage.AR, false, "واجب السرية", "كتمان");
    assertEquals(List.of("كتمان"), words(ar, "يجب كِتمان أسرار العملاء."), "named without its short vowels");
    assertEquals(List.of(), words(ar, "يجب الكتمان دائماً."), "a prefixed word only with matchInsideWords");
    Glossary inside = glossary(UiLanguage.AR, true, "واجب السرية", "كتمان");
    assertEquals(List.of("الكتمان"), words(inside, "يجب الكتمان دائماً."));
  }

  @Test
  void finnishCompoundsAreFoundInsideWordsWhenTheGlossarySaysSo() {
    Glossary fi = glossary(UiLanguage.FI, true, "salassapitovelvollisuus", "vaitiolo");
    assertEquals(List.of("Ammattivaitiolovelvollisuus"), words(fi, "Ammattivaitiolovelvollisuus koskee kaikkia."));
    assertEquals(List.of(), words(glossary(UiLanguage.FI, false, "salassapitovelvollisuus", "vaitiolo"),
        "Ammattivaitiolovelvollisuus koskee kaikkia."));
  }

  @Test
  void findingsAreWhatEachStemsOwnPatternFindsInTheOrderOfTheGlossary() {
    // findingsIn checks all stems in one pass before it runs a stem's pattern: that pass must never
    // hide a match the pattern finds, also for letters whose case folds unusually (dotted and
    // dotless i, final sigma, long s, the Kelvin sign, sharp s) and for one-letter stems
    List<String> stems = List.of("ſecret", "kelvin", "x", "İstanbul", "ΟΔΟΣ", "idem", "straße", "ıx", "sigma");
    List<String> texts = List.of("SECRET \u212Aelvin x istanbul οδος İdem", "ISTANBUL Οδός STRASSE Straße ix IX",
        "nothing here", "kelvinx ſecretive ΣΙΓΜΑ sigmas", "sſecret", "");
    for (boolean inside : List.of(true, false)) {
      Glossary g = new Glossary(UiLanguage.EN, "Self-check", "Case:", inside,
          List.of(new Glossary.Term("c", "the right one", stems)));
      for (String text : texts) {
        String normalized = Glossary.normalize(text);
        List<String> expected = stems.stream().filter(stem -> java.util.regex.Pattern.compile(
            (inside ? "" : "(?<![\\p{L}\\p{M}\\p{N}])") + java.util.regex.Pattern.quote(Glossary.normalize(stem)),
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE).matcher(normalized).find())
            .toList();
        assertEquals(expected, g.findingsIn(text, text).stream().map(Glossary.Finding::stem).toList(),
            "'" + text + "', matchInsideWords " + inside);
      }
    }
  }

  @Test
  void aParagraphThatUsesTheRightRenderingMayExplainTheAvoidedOne() {
    Glossary fi = glossary(UiLanguage.FI, true, "salassapitovelvollisuus", "vaitiolo");
    assertEquals(List.of(), fi.findingsIn("Vanha nimi oli vaitiolovelvollisuus.",
        "Salassapitovelvollisuus on nykyinen termi.\nVanha nimi oli vaitiolovelvollisuus."));
  }

  @Test
  void theMessageNamesTheWordTheRightRenderingAndTheGlossary() {
    Glossary en = glossary(UiLanguage.EN, false, "duty of confidentiality", "duty of secrecy");
    assertEquals(List.of("'Duty of secrecy': use 'duty of confidentiality' for 'duty of confidentiality'"
            + " (glossary/en.yaml avoids 'duty of secrecy')"),
        en.findingsIn("The Duty of secrecy applies.", "The Duty of secrecy applies.").stream()
            .map(f -> f.message(en.file())).toList());
  }
}
