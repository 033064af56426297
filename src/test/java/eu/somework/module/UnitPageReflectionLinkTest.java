package eu.somework.module;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.content.Unit;
import eu.somework.testsupport.ModuleFixtures;
import eu.somework.web.UiLanguage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The unit page leads to the unit's reflection under the task, and only when asked to. */
class UnitPageReflectionLinkTest {
  private final Unit unit = ModuleFixtures.CATALOGUE.units().get(0);
  private final AppLinks links = new AppLinks("tok", Optional.empty());

  @Test
  void aStudentsUnitPageLinksToTheEditorWithTheSession() {
    String html = UnitPage.render(unit, UiLanguage.FI, links, Optional.empty(), Optional.of("reflection.write"));
    assertTrue(html.contains("<a class=\"button\" href=\"/app/units/" + unit.id() + "/reflection?s=tok\">"
        + "Kirjoita pohdintasi</a>"), html);
  }

  @Test
  void withoutALabelThereIsNoLink() {
    assertFalse(UnitPage.render(unit, UiLanguage.EN, links, Optional.empty()).contains("/reflection?"));
  }
}
