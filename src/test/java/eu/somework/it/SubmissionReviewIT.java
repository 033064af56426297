package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Submission review (LTI Submission Review Service 1.0 §2) over HTTP, from the mock platforms: a
 * teacher's {@code LtiSubmissionReviewRequest} for a learner opens that learner's grading form
 * with every submitted version; a learner's own opens their reflection with the released grade; a
 * learner asking for someone else's is refused with 403 and no session; a request without
 * {@code for_user} or line item is refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SubmissionReviewIT {
  private static final String UNIT = "data-protection";
  private static final String EDITOR = "/app/units/" + UNIT + "/reflection";
  private static final Pattern TOKEN = Pattern.compile("[?&]s=([^&\"]+)");
  private static final String FOR_USER = "https://purl.imsglobal.org/spec/lti/claim/for_user";

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  private static String course(TestInfo test) {
    return "review-" + test.getTestMethod().orElseThrow().getName();
  }

  /** The claims of the course's graded link: context, resource link, the unit, the AGS line item. */
  private static JWTClaimsSet.Builder claims(String course, String nonce, String userId, String role, String name) {
    return MockPlatforms.resourceLinkLaunch("a", "client-a1", "dep-1", nonce, userId, role)
        .claim("name", name)
        .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", course, "title", "Course " + course))
        .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "link-" + course,
            "title", "Reflection on data protection"))
        .claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("unit", UNIT))
        .claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of(
            "scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
            "lineitem", MockPlatforms.issuer("a") + "/lineitems/" + course + "/lineitem?type_id=3"));
  }

  /** Signs the claims (changed by {@code change}) for a fresh login and posts them: the tool's answer. */
  private static Browser.Page send(Browser browser, UnaryOperator<JWTClaimsSet.Builder> change, String course,
      String userId, String role, String name) throws Exception {
    LtiLogin login = LtiLogin.start(browser, "a", "client-a1", "dep-1");
    assertEquals(302, login.answer().status(), login.answer().body());
    JWTClaimsSet claims = change.apply(claims(course, login.nonce(), userId, role, name)).build();
    return login.launch(browser, MockPlatforms.sign(MockPlatforms.get().key("a"), claims));
  }

  /** A review request: message type and for_user changed, nothing else. */
  private static UnaryOperator<JWTClaimsSet.Builder> review(String forUser) {
    return c -> c.claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiSubmissionReviewRequest")
        .claim(FOR_USER, Map.of("user_id", forUser, "roles",
            List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner")));
  }

  /** A landed launch: where it went (path, no query) and a member holding its session. */
  record Landed(String path, GradingIT.Member member) {}

  private static Landed landed(Browser browser, Browser.Page answer) {
    assertEquals(303, answer.status(), answer.body());
    String location = answer.header("Location");
    Matcher token = TOKEN.matcher(location);
    assertTrue(token.find(), location);
    return new Landed(URI.create(location).getRawPath(),
        new GradingIT.Member(browser, URLDecoder.decode(token.group(1), StandardCharsets.UTF_8)));
  }

  private static Landed launch(String course, String userId, String role, String name) throws Exception {
    Browser browser = new Browser();
    return landed(browser, send(browser, UnaryOperator.identity(), course, userId, role, name));
  }

  private static Landed reviewLaunch(String course, String userId, String role, String forUser) throws Exception {
    Browser browser = new Browser();
    return landed(browser, send(browser, review(forUser), course, userId, role, "Reviewer " + userId));
  }

  private static void submit(GradingIT.Member student, String html) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("html", html);
    form.put("visibility", "PRIVATE");
    form.put("action", "submit");
    assertEquals(303, student.post(EDITOR, form).status());
  }

  /** Releases a full-marks grade on the form's latest version. */
  private static void release(GradingIT.Member teacher, String formPath) throws Exception {
    Document form = Jsoup.parse(teacher.get(formPath).body());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("version", form.selectFirst("input[name=version]").attr("value"));
    for (String group : form.select("fieldset.criterion input[type=radio]").eachAttr("name").stream().distinct()
        .toList()) {
      fields.put(group, form.select("fieldset.criterion input[type=radio]").stream()
          .filter(radio -> radio.attr("name").equals(group)).reduce((first, second) -> second).orElseThrow()
          .attr("value"));
    }
    fields.put("feedback", "Well argued, REVIEW-FEEDBACK.");
    fields.put("action", "release");
    assertEquals(303, teacher.post(formPath, fields).status());
  }

  @Test
  void aTeachersReviewOpensTheLearnersGradingFormWithEveryVersion(TestInfo test) throws Exception {
    String course = course(test);
    GradingIT.Member anna = launch(course, "u-anna-r", "Learner", "Anna Reviewed").member();
    submit(anna, "<p>FIRST-VERSION on data protection.</p>");
    submit(anna, "<p>SECOND-VERSION on data protection.</p>");

    Landed review = reviewLaunch(course, "u-teacher-r", "Instructor", "u-anna-r");

    assertEquals("/app/grading/" + UNIT + "/u-anna-r", review.path());
    Browser.Page form = review.member().get(review.path());
    assertEquals(200, form.status(), form.body());
    Document page = Jsoup.parse(form.body());
    assertTrue(page.text().contains("Anna Reviewed"), form.body());
    assertTrue(form.body().contains("SECOND-VERSION"), "the latest version");
    assertTrue(form.body().contains("FIRST-VERSION"), "and the earlier one");
    assertEquals(4, page.select("fieldset.criterion").size(), "the marking form itself");
  }

  @Test
  void aLearnersOwnReviewOpensTheirReflectionWithTheReleasedGrade(TestInfo test) throws Exception {
    String course = course(test);
    GradingIT.Member anna = launch(course, "u-anna-o", "Learner", "Anna Own").member();
    submit(anna, "<p>OWN-REFLECTION on data protection.</p>");
    GradingIT.Member teacher = launch(course, "u-teacher-o", "Instructor", "Teacher Own").member();
    release(teacher, "/app/grading/" + UNIT + "/u-anna-o");

    Landed own = reviewLaunch(course, "u-anna-o", "Learner", "u-anna-o");

    assertEquals(EDITOR, own.path());
    Browser.Page page = own.member().get(own.path());
    assertEquals(200, page.status(), page.body());
    assertTrue(page.body().contains("OWN-REFLECTION"), page.body());
    assertEquals("14 of 14 points", page.fact("grade-total"), page.body());
    assertEquals("Well argued, REVIEW-FEEDBACK.", page.fact("grade-feedback"));
  }

  @Test
  void aLearnerAskingForAnothersSubmissionIsRefusedAndSeesNothing(TestInfo test) throws Exception {
    String course = course(test);
    GradingIT.Member anna = launch(course, "u-anna-p", "Learner", "Anna Private").member();
    submit(anna, "<p>PRIVATE-REFLECTION of Anna.</p>");
    launch(course, "u-bo-p", "Learner", "Bo Curious");

    Browser browser = new Browser();
    Browser.Page refused = send(browser, review("u-anna-p"), course, "u-bo-p", "Learner", "Bo Curious");

    assertEquals(403, refused.status(), refused.body());
    assertTrue(refused.body().contains("Only a teacher of the course can open another person"), refused.body());
    assertNull(refused.header("Location"), "no landing, no session token");
    assertFalse(refused.body().contains("PRIVATE-REFLECTION"));
    assertFalse(refused.body().contains("Anna Private"));
    assertFalse(refused.body().contains("?s="), "no session token in the page");
  }

  @Test
  void aTeachersReviewOfALearnerWithoutReflectionSaysNothingSubmittedYet(TestInfo test) throws Exception {
    String course = course(test);
    Landed review = reviewLaunch(course, "u-teacher-n", "Instructor", "u-never-launched");

    assertEquals("/app/grading/" + UNIT + "/u-never-launched", review.path());
    Browser.Page form = review.member().get(review.path());
    assertEquals(200, form.status(), form.body());
    assertTrue(form.body().contains("This student has not submitted a reflection on this unit yet."), form.body());
  }

  @Test
  void aReviewWithoutTheUnitParameterUsesTheLinksUnit(TestInfo test) throws Exception {
    String course = course(test);
    GradingIT.Member anna = launch(course, "u-anna-u", "Learner", "Anna Unit").member();
    submit(anna, "<p>LINKED-UNIT reflection.</p>");

    Browser browser = new Browser();
    Landed review = landed(browser, send(browser, c -> review("u-anna-u").apply(c)
        .claim("https://purl.imsglobal.org/spec/lti/claim/custom", null), course, "u-teacher-u", "Instructor", "T"));

    assertEquals("/app/grading/" + UNIT + "/u-anna-u", review.path());
    assertTrue(review.member().get(review.path()).body().contains("LINKED-UNIT"));
    // and the link still opens its unit for a normal launch afterwards: the review did not clear it
    Browser.Page again = launch(course, "u-anna-u", "Learner", "Anna Unit").member().get("/app");
    assertEquals(303, again.status());
    assertTrue(again.header("Location").contains(EDITOR.replace("/reflection", "")), again.header("Location"));
  }

  @Test
  void aReviewWithoutForUserOrLineItemIsRefused(TestInfo test) throws Exception {
    String course = course(test);
    Browser browser = new Browser();
    Browser.Page noForUser = send(browser, c -> review("u-x").apply(c).claim(FOR_USER, null), course,
        "u-teacher-w", "Instructor", "T");
    assertEquals(400, noForUser.status(), noForUser.body());
    assertTrue(noForUser.body().contains("no for_user claim"), noForUser.body());

    Browser.Page noUserId = send(browser, c -> review("u-x").apply(c).claim(FOR_USER, Map.of("name", "X")), course,
        "u-teacher-w", "Instructor", "T");
    assertEquals(400, noUserId.status(), noUserId.body());
    assertTrue(noUserId.body().contains("no user_id"), noUserId.body());

    Browser.Page noLineItem = send(browser, c -> review("u-x").apply(c)
        .claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of("scope", List.of())), course,
        "u-teacher-w", "Instructor", "T");
    assertEquals(400, noLineItem.status(), noLineItem.body());
    assertTrue(noLineItem.body().contains("no line item"), noLineItem.body());
    assertNull(noLineItem.header("Location"));
  }
}
