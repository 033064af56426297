package eu.somework.module;

import eu.somework.testsupport.ModuleFixtures;
import eu.somework.testsupport.Sessions;

import eu.somework.content.Unit;
import eu.somework.progress.ProgressStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.session.ToolSession;
import eu.somework.web.UiLanguage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The module overview: the launch facts, the units in order, and each student's own progress. */
class ModulePageTest {
  private static final List<Unit> UNITS = ModuleFixtures.CATALOGUE.units();
  private static final AppLinks LINKS = new AppLinks("tok", Optional.empty());

  @Test
  void aStudentSeesTheUnitsInOrderWithTheirOwnProgress() {
    ToolSession anna = Sessions.student("u-anna", "Anna <Admin>");
    String html = ModulePage.render(anna, UiLanguage.EN, LINKS, "/app", UNITS,
        Map.of("data-protection", ProgressStatus.READ));
    assertTrue(html.contains("<h1>Welcome, Anna &lt;Admin&gt;</h1>"));
    assertEquals(1, UnitPageTest.count(html, "<h1"));
    assertEquals(6, UnitPageTest.count(html, "<li><h3><a href=\"/app/units/"));
    assertTrue(html.indexOf("/app/units/social-media-at-work") < html.indexOf("/app/units/my-social-media-future"));
    assertEquals(5, UnitPageTest.count(html, "data-status=\"NOT_STARTED\""));
    assertTrue(html.contains("data-status=\"READ\">Your progress: Read</span>"));
    assertTrue(html.contains("Duration: about 35 min"));
    assertFalse(html.contains("/app/progress"), "students get no link to the progress view");
    UnitPageTest.assertEveryToolLinkCarriesTheSession(html, "tok");
  }

  @Test
  void theLaunchFactsStayForTheIntegrationTests() {
    String html = ModulePage.render(Sessions.teacher(), UiLanguage.FI, LINKS, "/app", UNITS, Map.of());
    assertTrue(html.contains("<dd data-fact=\"role\">Opettaja</dd>"), html);
    assertTrue(html.contains("<dd data-fact=\"course\">Social media at work, spring</dd>"));
    assertTrue(html.contains("<dd data-fact=\"link\">Module</dd>"));
    assertTrue(html.contains("<dd data-fact=\"platform\">https://lms.example.org</dd>"));
  }

  @Test
  void aTeacherGetsTheProgressLinkAndNoStatusesOfTheirOwn() {
    String html = ModulePage.render(Sessions.teacher(), UiLanguage.EN, LINKS, "/app", UNITS, Map.of());
    assertTrue(html.contains("href=\"/app/progress?s=tok\""));
    assertFalse(html.contains("data-status="));
  }

  @Test
  void anEmptyModuleSaysSo() {
    String html = ModulePage.render(Sessions.anonymous(), UiLanguage.PL, LINKS, "/app", List.of(), Map.of());
    assertTrue(html.contains("<h1>SoMe@Work</h1>"));
    assertTrue(html.contains("Obecnie nie ma dostępnych części."));
  }

  @Test
  void aTeacherWithAnEmptyModuleIsToldToAskTheAdministratorNotTheirTeacher() {
    String teacher = ModulePage.render(Sessions.teacher(), UiLanguage.EN, LINKS, "/app", List.of(), Map.of());
    String student = ModulePage.render(Sessions.student("u-e", "E"), UiLanguage.EN, LINKS, "/app", List.of(), Map.of());
    assertTrue(teacher.contains("tell the tool’s administrator"), teacher);
    assertFalse(teacher.contains("let your teacher know"), teacher);
    assertTrue(student.contains("Please let your teacher know."), student);
  }

  @Test
  void aLaunchedPersonCanDownloadTheirDataAndAGuestHasNoneToDownload() {
    String student = ModulePage.render(Sessions.student("u-anna", "Anna"), UiLanguage.EN, LINKS, "/app", UNITS,
        Map.of());
    String guest = ModulePage.render(Sessions.anonymous(), UiLanguage.EN, LINKS, "/app", UNITS, Map.of());

    assertTrue(student.contains("<a href=\"/app/my-data?s=tok\" download>Download my data</a>"), student);
    assertFalse(guest.contains("/app/my-data"));
  }
}
