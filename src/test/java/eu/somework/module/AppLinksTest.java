package eu.somework.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the language form may send a learner back to, and how links carry the session. */
class AppLinksTest {

  @ParameterizedTest
  @ValueSource(strings = {"/app", "/app/overview", "/app/progress", "/app/units/data-protection"})
  void theToolsOwnPagesAreValidReturnPaths(String path) {
    assertTrue(AppLinks.isReturnPath(path));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "https://evil.example/app", "//evil.example/app", "/app/../admin", "/app/units/../x",
      "/app/units/Data", "/app/overview?x=1", "/app/overview/", "/appx", "/simulator", "javascript:alert(1)"})
  void anythingElseIsRefused(String path) {
    assertFalse(AppLinks.isReturnPath(path));
  }

  @Test
  void theTokenIsEncodedAndAGuestsLanguageAdded() {
    assertEquals("/app/overview?s=a%2Bb%3D&lang=ar", new AppLinks("a+b=", Optional.of(UiLanguage.AR))
        .url("/app/overview"));
    assertEquals("/app?s=x.y_z-1", new AppLinks("x.y_z-1", Optional.empty()).url("/app"));
    assertEquals("/app?s=a+b%7E%C3%A9%2F", new AppLinks("a b~é/", Optional.empty()).url("/app"));
  }

  @Test
  void anUnknownUnitIsNamedOnlyWhenItLooksLikeAnId() {
    Messages text = Messages.of(UiLanguage.EN);
    assertEquals("There is no unit “privacy-basics” in this module. It may have been removed; open the module"
        + " overview instead.", UnitResource.notFound(text, "privacy-basics"));
    assertEquals("There is no such unit in this module.", UnitResource.notFound(text, "<script>"));
  }
}
