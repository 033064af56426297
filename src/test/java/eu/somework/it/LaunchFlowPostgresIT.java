package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
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
 * The tool as an institution runs it (PostgreSQL, key-encryption secret, simulator off, default
 * limits), launched by an outside platform: launches, the single-use nonce, and Deep Linking through
 * to the teacher's progress page. Each test also reads the rows the server wrote, so that a tool
 * quietly running on another database would fail.
 */
@ExtendWith({PostgresDatabase.class, ArquillianExtension.class})
@RunAsClient
class LaunchFlowPostgresIT {
  private static final String TOOL = MockPlatforms.TOOL;
  private static final String RETURN_URL = MockPlatforms.issuer("b") + "/deep-link-return";

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @Test
  void studentLaunchLandsAsStudentAndTheCourseMembershipIsInPostgres() throws Exception {
    Browser.Page landing = LaunchFlowIT.launch(new Browser(), "a", "client-a1", "dep-1", "Learner");
    assertEquals(200, landing.status(), landing.body());
    assertEquals("Student", landing.fact("role"));
    assertEquals("Course on A", landing.fact("course"));
    assertEquals(List.of(List.of("Test Learner", "STUDENT")), PostgresDatabase.rows(
        "SELECT display_name, role FROM course_member WHERE issuer = ? AND deployment_id = ? AND user_id = ?",
        MockPlatforms.issuer("a"), "dep-1", "user-Learner"));
  }

  @Test
  void teacherLaunchLandsAsTeacher() throws Exception {
    Browser.Page landing = LaunchFlowIT.launch(new Browser(), "a", "client-a1", "dep-1", "Instructor");
    assertEquals(200, landing.status(), landing.body());
    assertEquals("Teacher", landing.fact("role"));
  }

  @Test
  void aReplayedIdTokenIsRefusedBecauseItsNonceIsStoredAsUsed() throws Exception {
    Browser browser = new Browser();
    LtiLogin login = LtiLogin.start(browser, "a", "client-a1", "dep-1");
    String host = URI.create(TOOL).getAuthority();
    String loginCookie = "somework_login_" + login.state().substring(0, 16);
    String loginCookieValue = browser.cookie(host, loginCookie);
    String token = MockPlatforms.sign(MockPlatforms.get().key("a"), MockPlatforms.resourceLinkLaunch(
        "a", "client-a1", "dep-1", login.nonce(), "user-replay", "Learner").build());
    assertEquals(200, browser.follow(login.launch(browser, token)).status());
    assertEquals(1, PostgresDatabase.rows("SELECT 1 FROM used_nonce WHERE issuer = ? AND nonce = ?",
        MockPlatforms.issuer("a"), login.nonce()).size(), "the used nonce is in PostgreSQL");

    // the accepted launch removed its login cookie; a replay that brings it back meets the nonce check
    browser.setCookie(host, loginCookie, loginCookieValue);
    Browser.Page replay = login.launch(browser.acceptJson(), token);
    assertEquals(401, replay.status(), replay.body());
    assertTrue(replay.body().contains("NONCE_REPLAYED"), replay.body());
  }

  @Test
  void aDeepLinkedGradedUnitReadByAStudentShowsAsReadOnTheTeachersProgressPage() throws Exception {
    Browser teacher = new Browser();
    LtiLogin dl = LtiLogin.start(teacher, "b", "client-b", "1");
    JWTClaimsSet request = MockPlatforms.resourceLinkLaunch("b", "client-b", "1", dl.nonce(), "teacher-pg", "Instructor")
        .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiDeepLinkingRequest")
        .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", null)
        .claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", Map.of(
            "deep_link_return_url", RETURN_URL, "accept_types", List.of("ltiResourceLink"),
            "accept_multiple", true, "accept_lineitem", true))
        .build();
    Browser.Page catalogue = teacher.follow(dl.launch(teacher, MockPlatforms.sign(MockPlatforms.get().key("b"), request)));
    assertEquals(200, catalogue.status(), catalogue.body());
    assertTrue(Browser.hiddenFields(catalogue).containsKey("s"), catalogue.body());
    Browser.Page answer = teacher.postRaw(TOOL + "/app/deep-linking",
        Browser.encode(Map.of("s", Browser.hiddenFields(catalogue).get("s"), "action", "add"))
            + "&unit=data-protection&graded=data-protection");
    assertTrue(answer.body().contains("action=\"" + RETURN_URL + "\""), answer.body());
    Map<?, ?> item = (Map<?, ?>) SignedJWT.parse(Browser.hiddenFields(answer).get("JWT")).getJWTClaimsSet()
        .getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items").get(0);
    assertTrue(item.get("lineItem") instanceof Map, "a gradebook column asked for: " + item);

    // the platform made the link; a student opens it
    Browser student = new Browser();
    // an item without url is launched at the tool's launch URL (Deep Linking 2.0 §3.4.1)
    String target = item.get("url") instanceof String url ? url : TOOL + "/lti/launch";
    LtiLogin login = LtiLogin.start(student, "b", "client-b", "1", target);
    Browser.Page unit = student.follow(login.launch(student, MockPlatforms.sign(MockPlatforms.get().key("b"),
        MockPlatforms.resourceLinkLaunch("b", "client-b", "1", login.nonce(), "student-pg", "Learner")
            .claim("name", "Pat Postgres")
            .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", target)
            .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "link-dp"))
            .claim("https://purl.imsglobal.org/spec/lti/claim/custom", item.get("custom"))
            .build())));
    assertEquals(200, unit.status(), unit.body());
    assertTrue(unit.url().contains("/app/units/data-protection"), unit.url());

    Browser.Page landing = LaunchFlowIT.launch(teacher, "b", "client-b", "1", "Instructor");
    String session = landing.url().replaceAll(".*[?&]s=([^&]*).*", "$1");
    Browser.Page progress = teacher.get(TOOL + "/app/progress?s=" + session);
    assertEquals(200, progress.status(), progress.body());
    assertEquals("READ", statusOf(progress.body(), "Pat Postgres", "data-protection"));
    assertEquals(List.of(List.of("READ")), PostgresDatabase.rows(
        "SELECT status FROM unit_progress WHERE issuer = ? AND user_id = ? AND unit_id = ?",
        MockPlatforms.issuer("b"), "student-pg", "data-protection"));
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
