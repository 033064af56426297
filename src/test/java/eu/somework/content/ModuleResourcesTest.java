package eu.somework.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.config.Settings;
import eu.somework.launch.SessionResolver;
import eu.somework.launch.TestSessionResolver;
import eu.somework.launch.ToolRole;
import eu.somework.launch.ToolSession;
import eu.somework.persistence.TestDatabase;
import eu.somework.persistence.Transactor;
import eu.somework.web.UiLanguage;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The module's resources wired as the container wires them — real catalogue, real session tokens,
 * real schema on H2 — called the way a browser in the LMS frame calls them, without a server.
 */
class ModuleResourcesTest {
  private SessionResolver sessions;
  private LearnerProgress progress;
  private LanguagePreferences languages;
  private ModuleResource module;
  private UnitResource units;
  private ProgressResource progressView;
  private LanguageResource languageForm;

  @BeforeEach
  void wire() {
    Transactor tx = TestDatabase.open("resources-" + System.nanoTime());
    Settings settings = new Settings() {
      @Override
      public String baseUrl() {
        return "https://tool.example";
      }
    };
    sessions = TestSessionResolver.on(tx);
    CourseMembers members = new CourseMembers();
    members.tx = tx;
    members.clock = Clock.systemUTC();
    progress = new LearnerProgress();
    progress.tx = tx;
    progress.clock = Clock.systemUTC();
    progress.members = members;
    languages = new LanguagePreferences();
    languages.tx = tx;
    languages.clock = Clock.systemUTC();
    module = new ModuleResource();
    module.sessions = sessions;
    module.languages = languages;
    module.catalogue = ModuleContentTest.CATALOGUE;
    module.progress = progress;
    module.members = members;
    module.settings = settings;
    units = new UnitResource();
    units.sessions = sessions;
    units.languages = languages;
    units.catalogue = ModuleContentTest.CATALOGUE;
    units.progress = progress;
    progressView = new ProgressResource();
    progressView.sessions = sessions;
    progressView.languages = languages;
    progressView.catalogue = ModuleContentTest.CATALOGUE;
    progressView.progress = progress;
    languageForm = new LanguageResource();
    languageForm.sessions = sessions;
    languageForm.languages = languages;
    languageForm.settings = settings;
  }

  private String token(ToolSession session) {
    return sessions.token(session);
  }

  @Test
  void aLaunchWithoutUnitShowsTheOverview() {
    Response response = module.launchLanding(token(Sessions.student("u-anna", "Anna")), null, null);
    assertEquals(200, response.getStatus());
    String html = (String) response.getEntity();
    assertTrue(html.contains("<h1>Welcome, Anna</h1>"));
    assertTrue(html.contains("<dd data-fact=\"role\">Student</dd>"));
    assertEquals("no-store", response.getHeaderString("Cache-Control"));
  }

  @Test
  void aLaunchOfALinkBoundToAUnitOpensThatUnit() {
    String token = token(Sessions.withUnit(Sessions.student("u-anna", "Anna"), "data-protection"));
    Response response = module.launchLanding(token, null, null);
    assertEquals(303, response.getStatus());
    assertEquals("https://tool.example/app/units/data-protection?s=" + token, response.getLocation().toString());
  }

  @Test
  void aLaunchOfALinkToAUnitThatIsGoneGetsAClear404() {
    String token = token(Sessions.withUnit(Sessions.student("u-anna", "Anna"), "privacy-basics"));
    NotFoundException gone = assertThrows(NotFoundException.class, () -> module.launchLanding(token, null, null));
    assertEquals(404, gone.getResponse().getStatus());
    assertEquals("There is no unit “privacy-basics” in this module. It may have been removed; open the module"
        + " overview instead.", gone.getMessage());
  }

  @Test
  void aUnitIdThatCouldNotBeOneIsNotEchoed() {
    String token = token(Sessions.withUnit(Sessions.student("u-anna", "Anna"), "../<x> y"));
    NotFoundException gone = assertThrows(NotFoundException.class, () -> module.launchLanding(token, null, null));
    assertEquals("There is no such unit in this module.", gone.getMessage());
  }

  @Test
  void aStudentOpeningAUnitHasReadItAndSeesThatOnTheOverview() {
    ToolSession anna = Sessions.student("u-anna", "Anna");
    Response page = units.show("data-protection", token(anna), null, null);
    assertEquals(200, page.getStatus());
    assertTrue(((String) page.getEntity()).contains("data-status=\"READ\""));
    assertEquals(Map.of("data-protection", ProgressStatus.READ), progress.statusesOf(anna));
    String overview = (String) module.overview(token(anna), null, null).getEntity();
    assertTrue(overview.contains("data-status=\"READ\">Your progress: Read</span>"));
  }

  @Test
  void aTeacherPreviewingAUnitLeavesNoProgress() {
    units.show("data-protection", token(Sessions.teacher()), null, null);
    assertEquals(Map.of(), progress.statusesOf(Sessions.teacher()));
  }

  @Test
  void anUnknownUnitPageIsA404InTheLearnersLanguage() {
    ToolSession polish = Sessions.of(ToolRole.STUDENT, "u-p", "Piotr", Sessions.COURSE, "pl_PL");
    NotFoundException gone = assertThrows(NotFoundException.class, () -> units.show("nope", token(polish), null, null));
    assertEquals("W tym module nie ma części „nope”. Mogła zostać usunięta; otwórz zamiast tego przegląd modułu.",
        gone.getMessage());
  }

  @Test
  void withoutAValidSessionNothingIsShown() {
    assertThrows(NotAuthorizedException.class, () -> units.show("data-protection", "forged", null, null));
    assertThrows(NotAuthorizedException.class, () -> module.launchLanding(null, null, null));
  }

  @Test
  void theTeacherSeesWhoHasReadWhat() {
    ToolSession anna = Sessions.student("u-anna", "Anna");
    module.launchLanding(token(anna), null, null);
    units.show("digital-identity", token(anna), null, null);
    module.launchLanding(token(Sessions.teacher()), null, null);
    String html = (String) progressView.show(token(Sessions.teacher()), null, null).getEntity();
    assertTrue(html.contains("<html lang=\"fi\" dir=\"ltr\">"), "the teacher launched in Finnish");
    assertTrue(html.contains("<tr><th scope=\"row\">Anna</th>"));
    assertEquals(1, UnitPageTest.count(html, "data-status=\"READ\""));
    assertFalse(html.contains("Tiina"), "teachers are not listed as students");
  }

  @Test
  void aStudentIsRefusedTheProgressViewWithAReason() {
    ForbiddenException refused = assertThrows(ForbiddenException.class,
        () -> progressView.show(token(Sessions.student("u-anna", "Anna")), null, null));
    assertEquals(403, refused.getResponse().getStatus());
    assertEquals("Only the course’s teachers can see the students’ progress.", refused.getMessage());
  }

  @Test
  void aLearnersLanguageChoiceIsStoredAndArabicPagesRunRightToLeft() {
    ToolSession anna = Sessions.student("u-anna", "Anna");
    String token = token(anna);
    Response back = languageForm.choose(token, "ar", "/app/units/data-protection", null);
    assertEquals(303, back.getStatus());
    assertEquals("https://tool.example/app/units/data-protection?s=" + token, back.getLocation().toString());
    assertEquals(Optional.of(UiLanguage.AR), languages.stored(anna));
    String html = (String) units.show("data-protection", token(anna), null, null).getEntity();
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"));
    assertTrue(html.contains("<h1>حماية البيانات وأمن المعلومات على وسائل التواصل الاجتماعي</h1>"));
  }

  @Test
  void aGuestsChoiceTravelsInTheLinksInstead() {
    String token = token(Sessions.anonymous());
    Response back = languageForm.choose(token, "pl", "/app/overview", null);
    assertEquals("https://tool.example/app/overview?s=" + token + "&lang=pl", back.getLocation().toString());
    String html = (String) module.overview(token, "pl", null).getEntity();
    assertTrue(html.contains("<html lang=\"pl\""));
    assertTrue(html.contains("/app/units/data-protection?s=" + token + "&amp;lang=pl"));
  }

  @Test
  void theLanguageFormRefusesAForeignReturnAddressAndUnknownLanguages() {
    String token = token(Sessions.student("u-anna", "Anna"));
    BadRequestException foreign = assertThrows(BadRequestException.class,
        () -> languageForm.choose(token, "fi", "https://evil.example/", null));
    assertEquals(400, foreign.getResponse().getStatus());
    assertEquals("The page to return to is not valid. Open the activity again from your course.", foreign.getMessage());
    BadRequestException unknown = assertThrows(BadRequestException.class,
        () -> languageForm.choose(token, "de", "/app", null));
    assertEquals("Choose one of the languages offered.", unknown.getMessage());
  }
}
