package eu.somework.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which language a learner gets: own choice, launch locale, Accept-Language, English. */
class UiLanguageTest {

  @ParameterizedTest(name = "launch locale {0} -> {1}")
  @CsvSource({"fi-FI, FI", "pl_PL, PL", "ar, AR", "en-GB, EN", "lv-LV, LV", "FI_fi, FI", "ar-SA, AR"})
  void theLaunchLocaleInAnyCommonFormChoosesTheLanguage(String locale, UiLanguage expected) {
    assertEquals(expected, UiLanguage.negotiate(Optional.empty(), Optional.of(locale), "pl"));
  }

  @Test
  void anUnsupportedLaunchLocaleFallsBackToAcceptLanguage() {
    assertEquals(UiLanguage.LV, UiLanguage.negotiate(Optional.empty(), Optional.of("de-DE"), "de-DE, lv;q=0.8, en;q=0.5"));
  }

  @Test
  void withNothingUsableItIsEnglish() {
    assertEquals(UiLanguage.EN, UiLanguage.negotiate(Optional.empty(), Optional.of("de-DE"), "de-DE, fr;q=0.8"));
    assertEquals(UiLanguage.EN, UiLanguage.negotiate(Optional.empty(), Optional.empty(), null));
    assertEquals(UiLanguage.EN, UiLanguage.negotiate(Optional.empty(), Optional.empty(), "not a ;;; header"));
  }

  @Test
  void theLearnersOwnChoiceBeatsTheLaunchLocale() {
    assertEquals(UiLanguage.AR, UiLanguage.negotiate(Optional.of("ar"), Optional.of("fi-FI"), "pl"));
  }

  @Test
  void aLanguageRefusedWithQualityZeroIsSkipped() {
    assertEquals(UiLanguage.PL, UiLanguage.fromAcceptLanguage("fi;q=0, pl;q=0.5").orElseThrow());
  }

  @Test
  void onlyArabicRunsRightToLeft() {
    for (UiLanguage language : UiLanguage.all()) {
      assertEquals(language == UiLanguage.AR ? "rtl" : "ltr", language.dir());
    }
  }

  @Test
  void thePageLayoutCarriesLanguageAndDirection() {
    String html = Templates.render("web/page.jte", java.util.Map.of("language", UiLanguage.AR, "title", "عنوان",
        "main", (gg.jte.Content) output -> output.writeUserContent("عنوان")));
    assertEquals(true, html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assertEquals(true, html.contains("<main id=\"main\""));
  }
}
