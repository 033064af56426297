package eu.somework.deeplinking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.content.ContentCatalogue;
import eu.somework.content.Unit;
import eu.somework.session.ToolSession;
import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The catalogue a teacher picks units from, as the platform's deep-linking request allows. */
class CataloguePageTest {
  static final List<Unit> UNITS = ContentCatalogue.from(Path.of("module-content")).units();
  static final Messages EN = Messages.of(UiLanguage.EN);

  @Test
  void eachUnitCanBePickedAndGraded() {
    String html = CataloguePage.render(EN, "tok", request(true, true, true), UNITS, Optional.empty());
    assertTrue(html.contains("<form method=\"post\" action=\"/app/deep-linking\"><input type=\"hidden\" name=\"s\" value=\"tok\">"),
        html);
    assertEquals(UNITS.size(), count(html, "<input type=\"checkbox\" name=\"unit\""));
    assertTrue(html.contains("<input type=\"checkbox\" name=\"unit\" value=\"data-protection\" id=\"pick-data-protection\">"
        + " <label for=\"pick-data-protection\">"), html);
    assertTrue(html.contains("<input type=\"checkbox\" name=\"graded\" value=\"data-protection\" id=\"graded-data-protection\" checked>"),
        html);
    assertFalse(html.contains("role=\"alert\""));
  }

  @Test
  void aPlatformThatTakesOneUngradedItemGetsRadioButtonsWithoutGrading() {
    String html = CataloguePage.render(EN, "tok", request(false, false, true), UNITS, Optional.empty());
    assertEquals(UNITS.size(), count(html, "<input type=\"radio\" name=\"unit\""));
    assertFalse(html.contains("name=\"graded\""), html);
  }

  @Test
  void aPlatformThatTakesNoResourceLinksCanOnlyBeAnswered() {
    String html = CataloguePage.render(EN, "tok", request(true, true, false), UNITS, Optional.empty());
    assertTrue(html.contains("<button type=\"submit\" name=\"action\" value=\"error\">"), html);
    assertFalse(html.contains("name=\"unit\""), html);
  }

  @Test
  void aProblemAndATokenWithMarkupStayText() {
    String html = CataloguePage.render(EN, "t\"><b>", request(true, true, true), UNITS,
        Optional.of("<script>alert(1)</script>"));
    assertTrue(html.contains("<p class=\"problem\" role=\"alert\">&lt;script&gt;alert(1)&lt;/script&gt;</p>"), html);
    assertTrue(html.contains("<input type=\"hidden\" name=\"s\" value=\"t&#34;>&lt;b>\">"), html);
    assertFalse(html.contains("<script>") || html.contains("<b>"), html);
  }

  private static ToolSession.DeepLinkingReturn request(boolean multiple, boolean lineItem, boolean resourceLinks) {
    return new ToolSession.DeepLinkingReturn("https://lms.example.org/return", Optional.of("d"), multiple, lineItem,
        resourceLinks);
  }

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }
}
