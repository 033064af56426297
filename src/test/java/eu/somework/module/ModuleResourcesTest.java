package eu.somework.module;

import eu.somework.testsupport.ModuleFixtures;
import eu.somework.testsupport.Sessions;

import eu.somework.progress.LearnerProgress;
import eu.somework.progress.ProgressStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.config.Settings;
import eu.somework.access.RequestContext;
import eu.somework.course.CourseMembers;
import eu.somework.course.ResourceLinks;
import eu.somework.learner.LanguagePreferences;
import eu.somework.session.SessionCookie;
import eu.somework.session.SessionTokens;
import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import eu.somework.persistence.TestDatabase;
import eu.somework.persistence.Transactor;
import eu.somework.web.UiLanguage;
import jakarta.ws.rs.BadRequestException;
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
  private SessionTokens tokens;
  private LearnerProgress progress;
  private LanguagePreferences languages;
  private CourseMembers members;
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
    tokens = SessionTokens.over(tx, settings);
    members = CourseMembers.over(tx);
    progress = LearnerProgress.over(tx, members, Clock.systemUTC());
    languages = LanguagePreferences.over(tx);
    module = new ModuleResource();
    module.catalogue = ModuleFixtures.CATALOGUE;
    module.progress = progress;
    module.links = ResourceLinks.over(tx);
    module.settings = settings;
    module.landing = LandingRead.over(tx);
    units = new UnitResource();
    units.catalogue = ModuleFixtures.CATALOGUE;
    units.progress = progress;
    progressView = new ProgressResource();
    progressView.catalogue = ModuleFixtures.CATALOGUE;
    progressView.progress = progress;
    progressView.links = module.links;
    languageForm = new LanguageResource();
    languageForm.languages = languages;
    languageForm.settings = settings;
  }

  /**
   * What the access filter does before a resource runs: the request's context, with the language
   * chosen as in production. Returns the session token the page's links carry.
   */
  private String as(ToolSession session, String requestedLanguage) {
    String token = tokens.issue(session, SessionCookie.create());
    RequestContext context = RequestContext.forSession(session, token, requestedLanguage, null, languages);
    module.context = context;
    units.context = context;
    progressView.context = context;
    languageForm.context = context;
    return token;
  }

  private String as(ToolSession session) {
    return as(session, null);
  }

  /** A launch: the platform told the tool the user's name. */
  private String launched(ToolSession session) {
    members.seen(session);
    return as(session);
  }

  @Test
  void aLaunchWithoutUnitShowsTheOverview() {
    launched(Sessions.student("u-anna", "Anna"));
    Response response = module.launchLanding();
    assertEquals(200, response.getStatus());
    String html = (String) response.getEntity();
    assertTrue(html.contains("<h1>Welcome, Anna</h1>"));
    assertTrue(html.contains("<dd data-fact=\"role\">Student</dd>"));
    assertEquals("no-store", response.getHeaderString("Cache-Control"));
  }

  @Test
  void aLaunchOfALinkBoundToAUnitOpensThatUnit() {
    String token = as(Sessions.withUnit(Sessions.student("u-anna", "Anna"), "data-protection"));
    Response response = module.launchLanding();
    assertEquals(303, response.getStatus());
    assertEquals("https://tool.example/app/units/data-protection?s=" + token, response.getLocation().toString());
  }

  @Test
  void aLaunchOfALinkToAUnitThatIsGoneGetsAClear404() {
    as(Sessions.withUnit(Sessions.student("u-anna", "Anna"), "privacy-basics"));
    NotFoundException gone = assertThrows(NotFoundException.class, () -> module.launchLanding());
    assertEquals(404, gone.getResponse().getStatus());
    assertEquals("There is no unit “privacy-basics” in this module. It may have been removed; open the module"
        + " overview instead.", gone.getMessage());
  }

  @Test
  void aUnitIdThatCouldNotBeOneIsNotEchoed() {
    as(Sessions.withUnit(Sessions.student("u-anna", "Anna"), "../<x> y"));
    NotFoundException gone = assertThrows(NotFoundException.class, () -> module.launchLanding());
    assertEquals("There is no such unit in this module.", gone.getMessage());
  }

  @Test
  void aStudentOpeningAUnitHasReadItAndSeesThatOnTheOverview() {
    ToolSession anna = Sessions.student("u-anna", "Anna");
    as(anna);
    Response page = units.show("data-protection");
    assertEquals(200, page.getStatus());
    assertTrue(((String) page.getEntity()).contains("data-status=\"READ\""));
    assertEquals(Map.of("data-protection", ProgressStatus.READ), progress.statusesOf(anna));
    String overview = (String) module.overview().getEntity();
    assertTrue(overview.contains("data-status=\"READ\">Your progress: Read</span>"));
  }

  @Test
  void aTeacherPreviewingAUnitLeavesNoProgress() {
    as(Sessions.teacher());
    units.show("data-protection");
    assertEquals(Map.of(), progress.statusesOf(Sessions.teacher()));
  }

  @Test
  void anUnknownUnitPageIsA404InTheLearnersLanguage() {
    ToolSession polish = Sessions.of(ToolRole.STUDENT, "u-p", "Piotr", Sessions.COURSE, "pl_PL");
    as(polish);
    NotFoundException gone = assertThrows(NotFoundException.class, () -> units.show("nope"));
    assertEquals("W tym module nie ma części „nope”. Mogła zostać usunięta; otwórz zamiast tego przegląd modułu.",
        gone.getMessage());
  }

  @Test
  void theTeacherSeesWhoHasReadWhat() {
    ToolSession anna = Sessions.student("u-anna", "Anna");
    launched(anna);
    units.show("digital-identity");
    launched(Sessions.teacher());
    String html = (String) progressView.show().getEntity();
    assertTrue(html.contains("<html lang=\"fi\" dir=\"ltr\">"), "the teacher launched in Finnish");
    assertTrue(html.contains("<tr><th scope=\"row\">Anna</th>"));
    assertEquals(1, UnitPageTest.count(html, "data-status=\"READ\""));
    assertFalse(html.contains("Tiina"), "teachers are not listed as students");
  }

  @Test
  void aLearnersLanguageChoiceIsStoredAndArabicPagesRunRightToLeft() {
    ToolSession anna = Sessions.student("u-anna", "Anna");
    String token = as(anna);
    Response back = languageForm.choose("ar", "/app/units/data-protection");
    assertEquals(303, back.getStatus());
    assertEquals("https://tool.example/app/units/data-protection?s=" + token, back.getLocation().toString());
    assertEquals(Optional.of(UiLanguage.AR), languages.stored(anna));
    as(anna);
    String html = (String) units.show("data-protection").getEntity();
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"));
    assertTrue(html.contains("<h1>حماية البيانات وأمن المعلومات على وسائل التواصل الاجتماعي</h1>"));
  }

  @Test
  void aGuestsChoiceTravelsInTheLinksInstead() {
    String token = as(Sessions.anonymous());
    Response back = languageForm.choose("pl", "/app/overview");
    assertEquals("https://tool.example/app/overview?s=" + token + "&lang=pl", back.getLocation().toString());
    token = as(Sessions.anonymous(), "pl");
    String html = (String) module.overview().getEntity();
    assertTrue(html.contains("<html lang=\"pl\""));
    assertTrue(html.contains("/app/units/data-protection?s=" + token + "&amp;lang=pl"));
  }

  @Test
  void theLanguageFormRefusesAForeignReturnAddressAndUnknownLanguages() {
    as(Sessions.student("u-anna", "Anna"));
    BadRequestException foreign = assertThrows(BadRequestException.class,
        () -> languageForm.choose("fi", "https://evil.example/"));
    assertEquals(400, foreign.getResponse().getStatus());
    assertEquals("The page to return to is not valid. Open the activity again from your course.", foreign.getMessage());
    BadRequestException unknown = assertThrows(BadRequestException.class,
        () -> languageForm.choose("de", "/app"));
    assertEquals("Choose one of the languages offered.", unknown.getMessage());
  }
}
