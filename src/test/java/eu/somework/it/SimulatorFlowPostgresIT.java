package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tool on PostgreSQL, the production database, driven through the built-in simulator: launches,
 * the single-use nonce, and Deep Linking through to the teacher's progress page. Each test also
 * reads the rows the server wrote, so that a tool quietly running on another database would fail.
 */
@ExtendWith({PostgresDatabase.class, ArquillianExtension.class})
@RunAsClient
class SimulatorFlowPostgresIT {
  private static final String TOOL = MockPlatforms.TOOL;
  private static final String SIMULATOR = TOOL + "/simulator";

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @Test
  void studentLaunchLandsAsStudentAndTheCourseMembershipIsInPostgres() throws Exception {
    Browser.Page landing = SimulatorFlowIT.launchFromSimulator(new Browser(), "sim-student-sam", "rl-module", "en");
    assertEquals(200, landing.status(), landing.body());
    assertEquals("Student", landing.fact("role"));
    assertEquals("Social media at work (demo course)", landing.fact("course"));
    assertEquals(List.of(List.of("Sam Taylor", "STUDENT")), PostgresDatabase.rows(
        "SELECT display_name, role FROM course_member WHERE issuer = ? AND user_id = ?", SIMULATOR, "sim-student-sam"));
  }

  @Test
  void teacherLaunchLandsAsTeacher() throws Exception {
    Browser.Page landing = SimulatorFlowIT.launchFromSimulator(new Browser(), "sim-teacher-maria", "rl-module", "en");
    assertEquals(200, landing.status(), landing.body());
    assertEquals("Teacher", landing.fact("role"));
    assertTrue(landing.body().contains("Maria Lind"), landing.body());
  }

  @Test
  void aReplayedIdTokenIsRefusedBecauseItsNonceIsStoredAsUsed() throws Exception {
    Browser browser = new Browser();
    Browser.Page simulator = browser.follow(browser.post(TOOL + "/simulator/launch",
        Map.of("user", "sim-student-aino", "target", "rl-module", "locale", "en")));
    String frame = simulator.body().replaceAll("(?s).*<iframe[^>]*src=\"([^\"]*)\".*", "$1");
    Browser.Page authorization = browser.submitForm(browser.get(TOOL + frame));
    Map<String, String> form = Browser.hiddenFields(authorization);
    String nonce = SignedJWT.parse(form.get("id_token")).getJWTClaimsSet().getStringClaim("nonce");

    String host = java.net.URI.create(TOOL).getAuthority();
    String loginCookie = "somework_login_" + form.get("state").substring(0, 16);
    String loginCookieValue = browser.cookie(host, loginCookie);
    assertEquals(200, browser.submitForm(authorization).status());
    assertEquals(1, PostgresDatabase.rows("SELECT 1 FROM login_state WHERE state = ? AND nonce = ?",
        form.get("state"), nonce).size(), "the login state is in PostgreSQL");
    assertEquals(1, PostgresDatabase.rows("SELECT 1 FROM used_nonce WHERE issuer = ? AND nonce = ?",
        SIMULATOR, nonce).size(), "the used nonce is in PostgreSQL");

    // the accepted launch removed its login cookie; a replay that brings it back meets the nonce check
    browser.setCookie(host, loginCookie, loginCookieValue);
    Browser.Page replay = browser.submitForm(authorization);
    assertEquals(401, replay.status(), replay.body());
    assertTrue(replay.body().contains("NONCE_REPLAYED"), replay.body());
  }

  @Test
  void aDeepLinkedGradedUnitReadByAStudentShowsAsReadOnTheTeachersProgressPage() throws Exception {
    Browser teacher = new Browser();
    Browser.Page catalogue = SimulatorFlowIT.launchFromSimulator(teacher, "sim-teacher-maria", "deep-linking", "en");
    assertEquals(200, catalogue.status(), catalogue.body());
    Browser.Page toPlatform = teacher.postRaw(TOOL + "/app/deep-linking",
        Browser.encode(Map.of("s", Browser.hiddenFields(catalogue).get("s"), "action", "add"))
            + "&unit=data-protection&graded=data-protection");
    Browser.Page added = teacher.submitForm(toPlatform);
    assertTrue(added.body().contains("1 activity(ies) added"), added.body());
    String link = DeepLinkingIT.linkIds(teacher.get(SIMULATOR).body()).get("data-protection");
    assertEquals(List.of(List.of("data-protection")), PostgresDatabase.rows(
        "SELECT resource_id FROM sim_line_item WHERE resource_link_id = ?", link), "a gradebook column");

    Browser.Page unit = SimulatorFlowIT.launchFromSimulator(new Browser(), "sim-student-sam", link, "en");
    assertEquals(200, unit.status(), unit.body());
    assertTrue(unit.url().contains("/app/units/data-protection"), unit.url());

    Browser.Page landing = SimulatorFlowIT.launchFromSimulator(teacher, "sim-teacher-maria", "rl-module", "en");
    String session = landing.url().replaceAll(".*[?&]s=([^&]*).*", "$1");
    Browser.Page progress = teacher.get(TOOL + "/app/progress?s=" + session);
    assertEquals(200, progress.status(), progress.body());
    assertEquals("READ", statusOf(progress.body(), "Sam Taylor", "data-protection"));
  }

  /** The status shown in a student's row, in the column of a unit (the header links to the unit). */
  private static String statusOf(String progressPage, String student, String unit) {
    List<String> units = new ArrayList<>();
    Matcher header = Pattern.compile("<th scope=\"col\"><a href=\"[^\"]*/app/units/([a-z-]+)").matcher(progressPage);
    while (header.find()) {
      units.add(header.group(1));
    }
    Matcher row = Pattern.compile("<tr><th scope=\"row\">" + Pattern.quote(student) + "</th>(.*?)</tr>")
        .matcher(progressPage);
    assertTrue(row.find(), "no row for " + student + " in\n" + progressPage);
    Matcher statuses = Pattern.compile("data-status=\"([A-Z_]+)\"").matcher(row.group(1));
    List<String> cells = new ArrayList<>();
    while (statuses.find()) {
      cells.add(statuses.group(1));
    }
    assertEquals(units.size(), cells.size(), row.group(1));
    return cells.get(units.indexOf(unit));
  }
}
