package eu.somework.module;

import eu.somework.testsupport.ModuleFixtures;
import eu.somework.testsupport.Sessions;

import eu.somework.progress.ProgressStatus;
import eu.somework.progress.StudentProgress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.web.UiLanguage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The teacher's table: one row per student, one column per unit, names escaped. */
class ProgressPageTest {
  private static final AppLinks LINKS = new AppLinks("tok", Optional.empty());

  @Test
  void eachStudentIsARowWithAStatusPerUnit() {
    List<StudentProgress> students = List.of(
        new StudentProgress("u-1", Optional.of("Anna <b>"), Map.of("data-protection", ProgressStatus.READ)),
        new StudentProgress("u-2", Optional.empty(), Map.of()));
    String html = ProgressPage.render(Sessions.teacher(), UiLanguage.EN, LINKS, ModuleFixtures.CATALOGUE.units(),
        students);
    assertEquals(1, UnitPageTest.count(html, "<h1"));
    assertTrue(html.contains("<tr><th scope=\"row\">Anna &lt;b&gt;</th>"));
    assertTrue(html.contains("<tr><th scope=\"row\">Unnamed student (u-2)</th>"));
    assertEquals(1, UnitPageTest.count(html, "data-status=\"READ\""));
    assertEquals(11, UnitPageTest.count(html, "data-status=\"NOT_STARTED\""));
    assertTrue(html.contains("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\""),
        "the table scrolls on a phone, and with the keyboard");
    UnitPageTest.assertEveryToolLinkCarriesTheSession(html, "tok");
  }

  @Test
  void aCourseWithoutStudentsSaysSo() {
    String html = ProgressPage.render(Sessions.teacher(), UiLanguage.AR, LINKS, ModuleFixtures.CATALOGUE.units(),
        List.of());
    assertTrue(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assertTrue(html.contains("لم يفتح أي طالب البرنامج في هذا المقرر بعد."));
  }
}
