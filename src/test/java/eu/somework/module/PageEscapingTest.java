package eu.somework.module;

import eu.somework.content.ReflectionTask;
import eu.somework.content.RubricCriterion;
import eu.somework.content.RubricLevel;
import eu.somework.content.Unit;
import eu.somework.content.UnitText;
import eu.somework.testsupport.ModuleFixtures;
import eu.somework.testsupport.Sessions;

import eu.somework.progress.StudentProgress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.session.ToolSession;
import eu.somework.web.UiLanguage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a platform or a module author sends shows as text on the tool's pages, whatever it holds:
 * the real templates escape it as element text, as attribute values and inside links.
 */
class PageEscapingTest {
  static final String SCRIPT = "\"><script>alert(1)</script>";
  static final String SCRIPT_AS_TEXT = "\"&gt;&lt;script&gt;alert(1)&lt;/script&gt;";

  @Test
  void aCourseTitleAndANameWithMarkupAreText() {
    ToolSession session = Sessions.withCourseTitle(Sessions.student("u-1", "<img src=x onerror=alert(1)>"), SCRIPT);
    String html = ModulePage.render(session, UiLanguage.EN, new AppLinks("tok", Optional.empty()), "/app",
        List.of(), Map.of());
    assertTrue(html.contains("<dd data-fact=\"course\">" + SCRIPT_AS_TEXT + "</dd>"), html);
    assertTrue(html.contains("<h1>Welcome, &lt;img src=x onerror=alert(1)&gt;</h1>"), html);
    assertFalse(html.contains("<script>") || html.contains("<img"), html);
  }

  @Test
  void aUnitIdWithQuotesStaysInsideItsAttributesAndItsLinks() {
    Unit unit = unit("x\" onmouseover=\"alert(1)", SCRIPT);
    String html = UnitPage.render(unit, UiLanguage.EN, new AppLinks("tok", Optional.empty()), Optional.empty());
    assertTrue(html.contains("<article class=\"unit\" data-unit=\"x&#34; onmouseover=&#34;alert(1)\">"), html);
    assertTrue(html.contains("<input type=\"hidden\" name=\"return\" value=\"/app/units/x&#34; onmouseover=&#34;alert(1)\">"),
        html);
    assertTrue(html.contains("<h1>" + SCRIPT_AS_TEXT + "</h1>"), html);
    assertTrue(html.contains("<title>" + SCRIPT_AS_TEXT + " — SoMe@Work</title>"), html);
    assertTrue(html.contains("<li>" + SCRIPT_AS_TEXT + "</li>"), "outcomes, guidance: " + html);
    assertFalse(html.contains("<script>") || html.contains(" onmouseover=\"alert"), html);

    String progress = ProgressPage.render(Sessions.teacher(), UiLanguage.EN, new AppLinks("tok", Optional.empty()),
        List.of(unit), List.of(new StudentProgress("u-1", Optional.of(SCRIPT), Map.of())));
    assertTrue(progress.contains("<th scope=\"col\"><a href=\"/app/units/x&#34; onmouseover=&#34;alert(1)?s=tok\">"
        + SCRIPT_AS_TEXT + "</a></th>"), progress);
    assertTrue(progress.contains("<tr><th scope=\"row\">" + SCRIPT_AS_TEXT + "</th>"), progress);
  }

  @Test
  void aSessionTokenWithQuotesCannotLeaveTheLanguageForm() {
    Unit unit = ModuleFixtures.CATALOGUE.find("data-protection").orElseThrow();
    String html = UnitPage.render(unit, UiLanguage.EN, new AppLinks("t\"><b>", Optional.empty()), Optional.empty());
    assertTrue(html.contains("<input type=\"hidden\" name=\"s\" value=\"t&#34;>&lt;b>\">"), html);
    assertTrue(html.contains("href=\"/app/overview?s=t%22%3E%3Cb%3E\""), "links carry it URL-encoded: " + html);
    assertFalse(html.contains("<b>"), html);
  }

  @Test
  void aRubricFromTheModuleIsText() {
    String html = UnitPage.render(unit("u", SCRIPT), UiLanguage.EN, new AppLinks("tok", Optional.empty()),
        Optional.empty());
    assertTrue(html.contains("<tr><th scope=\"row\">" + SCRIPT_AS_TEXT + "</th>"), html);
    assertTrue(html.contains("</strong> " + SCRIPT_AS_TEXT + "</td>"), html);
  }

  private static Unit unit(String id, String text) {
    ReflectionTask task = new ReflectionTask(text, List.of(text),
        List.of(new RubricCriterion("c", text, List.of(new RubricLevel(1, text)))));
    UnitText unitText = new UnitText(text, text, List.of(text), task);
    return new Unit(id, 1, 10, 1, List.of(UiLanguage.EN), Map.of(UiLanguage.EN, unitText),
        Map.of(UiLanguage.EN, "<p>The unit's own, already rendered text.</p>"));
  }
}
