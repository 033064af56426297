package eu.somework.learner;

import eu.somework.testsupport.Sessions;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.learner.LanguagePreferences;
import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import eu.somework.persistence.TestDatabase;
import eu.somework.web.UiLanguage;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The learner's language choice: remembered for platform users, carried in links for guests. */
class LanguagePreferencesTest {
  private LanguagePreferences preferences;

  @BeforeEach
  void freshDatabase() {
    preferences = LanguagePreferences.over(TestDatabase.open("language-" + System.nanoTime()));
  }

  @Test
  void aChoiceIsRememberedAcrossLaunchesAndBeatsTheLaunchLocale() {
    ToolSession finnishLaunch = Sessions.of(ToolRole.STUDENT, "u-anna", "Anna", Sessions.COURSE, "fi-FI");
    assertEquals(UiLanguage.FI, preferences.languageFor(finnishLaunch, null, "en"));
    assertTrue(preferences.remember(finnishLaunch, UiLanguage.AR));
    ToolSession nextLaunch = Sessions.of(ToolRole.STUDENT, "u-anna", "Anna", "another-course", "fi-FI");
    assertEquals(UiLanguage.AR, preferences.languageFor(nextLaunch, null, "en"));
    assertTrue(preferences.remember(nextLaunch, UiLanguage.PL));
    assertEquals(Optional.of(UiLanguage.PL), preferences.stored(finnishLaunch));
  }

  @Test
  void oneUsersChoiceIsNotAnothers() {
    preferences.remember(Sessions.student("u-anna", "Anna"), UiLanguage.LV);
    assertEquals(UiLanguage.EN, preferences.languageFor(Sessions.student("u-bartek", "Bartek"), null, null));
  }

  @Test
  void guestsGetNothingStoredButKeepTheLanguageTheirLinksCarry() {
    ToolSession guest = Sessions.anonymous();
    assertFalse(preferences.remember(guest, UiLanguage.PL));
    assertEquals(UiLanguage.EN, preferences.languageFor(guest, null, null));
    assertEquals(UiLanguage.PL, preferences.languageFor(guest, "pl", null));
    ToolSession unknownRole = Sessions.of(ToolRole.GUEST, "u-someone", null, Sessions.COURSE, null);
    assertFalse(preferences.remember(unknownRole, UiLanguage.PL));
    assertEquals(Optional.empty(), preferences.stored(unknownRole));
  }

  @Test
  void anUnknownRequestedLanguageFallsBackToTheUsualOrder() {
    assertEquals(UiLanguage.FI, preferences.languageFor(Sessions.teacher(), "de", "pl"));
  }
}
