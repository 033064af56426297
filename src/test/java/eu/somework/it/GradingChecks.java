package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The teacher's grading over HTTP, launched from the mock platforms as an LMS launches a graded
 * activity (AGS claim, the unit in a custom parameter): a submission queued for the gradebook, a
 * draft the student does not see, a release the student does, a refused marking that keeps the
 * teacher's input; a released grade that reaches the platform's gradebook ({@link MockGradebook})
 * as exactly one score; and every grading address refused to students and to teachers of other
 * courses. Runs on H2 ({@link GradingIT}) and on PostgreSQL as an institution runs it
 * ({@link GradingPostgresIT}).
 */
abstract class GradingChecks {
  private static final String UNIT = "data-protection";
  private static final String LIST = "/app/grading/" + UNIT;
  private static final String EDITOR = "/app/units/" + UNIT + "/reflection";
  private static final Pattern TOKEN = Pattern.compile("[?&]s=([^&\"]+)");
  /**
   * How long a score may take to reach the gradebook: the outbox's job runs every 2 s, and on a
   * machine shared by many builds a round can be late; well short of the first retry's 15 s backoff.
   */
  private static final Duration DELIVERY_LIMIT = Duration.ofSeconds(10);

  record Member(Browser browser, String token) {
    Browser.Page get(String path) throws Exception {
      return browser.get(MockPlatforms.TOOL + path + "?s=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    Browser.Page post(String path, Map<String, String> fields) throws Exception {
      Map<String, String> form = new LinkedHashMap<>(fields);
      form.put("s", token);
      return browser.post(MockPlatforms.TOOL + path, form);
    }
  }

  /**
   * A launch of the course's graded activity that opens the unit (platform a, client-a1). Platform A
   * has no gradebook: its scores stay waiting in the outbox.
   */
  static Member launch(String deployment, String course, String userId, String role, String name) throws Exception {
    return launch("a", "client-a1", deployment, course,
        MockPlatforms.issuer("a") + "/lineitems/" + course + "/lineitem?type_id=3", userId, role, name);
  }

  /** A launch of the course's graded activity whose AGS claim names {@code lineItem}, with the score scope. */
  static Member launch(String platform, String clientId, String deployment, String course, String lineItem,
      String userId, String role, String name) throws Exception {
    MockPlatforms platforms = MockPlatforms.get();
    Browser browser = new Browser();
    LtiLogin login = LtiLogin.start(browser, platform, clientId, deployment);
    assertEquals(302, login.answer().status(), login.answer().body());
    JWTClaimsSet claims = MockPlatforms.resourceLinkLaunch(platform, clientId, deployment, login.nonce(), userId, role)
        .claim("name", name)
        .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", course, "title", "Course " + course))
        .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "link-" + course,
            "title", "Reflection on data protection"))
        .claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("unit", UNIT))
        .claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of(
            "scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
            "lineitem", lineItem))
        .build();
    Browser.Page answer = login.launch(browser, MockPlatforms.sign(platforms.key(platform), claims));
    assertEquals(303, answer.status(), answer.body());
    Matcher token = TOKEN.matcher(answer.header("Location"));
    assertTrue(token.find(), answer.header("Location"));
    return new Member(browser, URLDecoder.decode(token.group(1), StandardCharsets.UTF_8));
  }

  /** A launch from the platform with a gradebook ({@link MockGradebook}), whose AGS claim names {@code lineItem}. */
  static Member launchWithGradebook(String course, String lineItem, String userId, String role, String name)
      throws Exception {
    return launch(MockGradebook.PLATFORM, MockGradebook.CLIENT_ID, MockGradebook.DEPLOYMENT_ID, course, lineItem,
        userId, role, name);
  }

  private static String course(TestInfo test) {
    return "grading-" + test.getTestMethod().orElseThrow().getName();
  }

  /** Submits {@code html} as the student's reflection on the unit (303 to the editor). */
  static void submit(Member student, String html) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("html", html);
    form.put("visibility", "PRIVATE");
    form.put("action", "submit");
    assertEquals(303, student.post(EDITOR, form).status());
  }

  /** The marking form's fields: every criterion at its top level, or all but the last. */
  private static Map<String, String> marking(Document form, String action, boolean leaveOneOut) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("version", form.selectFirst("input[name=version]").attr("value"));
    List<String> groups = form.select("fieldset.criterion input[type=radio]").eachAttr("name").stream().distinct()
        .toList();
    for (String group : groups.subList(0, leaveOneOut ? groups.size() - 1 : groups.size())) {
      String top = form.select("fieldset.criterion input[type=radio]").stream()
          .filter(radio -> radio.attr("name").equals(group)).reduce((first, second) -> second).orElseThrow()
          .attr("value");
      fields.put(group, top);
    }
    fields.put("comment.principles", "Principles well explained.");
    fields.put("feedback", "A careful and honest analysis.");
    fields.put("note", "TEACHERS-ONLY-NOTE");
    fields.put("action", action);
    return fields;
  }

  @Test
  void aTeacherGradesAndReleasesAndTheStudentSeesTheGradeOnlyAfterRelease(TestInfo test) throws Exception {
    String course = course(test);
    Member anna = launch("dep-1", course, "u-anna-g", "Learner", "Anna Graded");
    Member bo = launch("dep-1", course, "u-bo-g", "Learner", "Bo Waiting");
    Member teacher = launch("dep-1", course, "u-teacher-g", "Instructor", "Teacher Grader");
    submit(anna, "<p>My reflection on data protection at work.</p>");

    Document list = Jsoup.parse(teacher.get(LIST).body());
    assertEquals("SUBMITTED", list.selectFirst("tr[data-user=u-anna-g] [data-status]").attr("data-status"));
    assertEquals("NOT_STARTED", list.selectFirst("tr[data-user=u-bo-g] [data-status]").attr("data-status"));
    assertEquals("PENDING", list.selectFirst("tr[data-user=u-anna-g] [data-gradebook]").attr("data-gradebook"),
        "the submission was queued for the gradebook with it");
    assertTrue(list.selectFirst("tr[data-user=u-anna-g]").text().contains("Anna Graded"));

    String annaForm = LIST + "/u-anna-g";
    Browser.Page formPage = teacher.get(annaForm);
    assertEquals(200, formPage.status(), formPage.body());
    Document form = Jsoup.parse(formPage.body());
    assertTrue(form.selectFirst(".reflection-text").text().contains("My reflection on data protection"));
    assertEquals(4, form.select("fieldset.criterion").size());
    assertNotNull(form.selectFirst("label[for=c-principles-0]"), "each level is labelled");

    Browser.Page refused = teacher.post(annaForm, marking(form, "release", true));
    assertEquals(400, refused.status(), refused.body());
    Document kept = Jsoup.parse(refused.body());
    assertTrue(kept.selectFirst("[data-fact=notice]").text().startsWith("Choose a level for"), refused.body());
    assertEquals("A careful and honest analysis.", kept.selectFirst("#feedback").text());
    assertEquals("TEACHERS-ONLY-NOTE", kept.selectFirst("#note").text());

    assertEquals(303, teacher.post(annaForm, marking(form, "draft", false)).status());
    Browser.Page beforeRelease = anna.get(EDITOR);
    assertNull(beforeRelease.fact("grade-total"), "a draft grade is never shown");
    assertFalse(beforeRelease.body().contains("A careful and honest analysis."), beforeRelease.body());

    assertEquals(303, teacher.post(annaForm, marking(form, "release", false)).status());
    Browser.Page afterRelease = anna.get(EDITOR);
    assertEquals("14 of 14 points", afterRelease.fact("grade-total"), afterRelease.body());
    assertEquals("A careful and honest analysis.", afterRelease.fact("grade-feedback"));
    assertTrue(afterRelease.body().contains("Principles well explained."));
    assertFalse(afterRelease.body().contains("TEACHERS-ONLY-NOTE"), "the teacher's note never reaches the student");
    assertNull(bo.get(EDITOR).fact("grade-total"), "nor Anna's grade anyone else");

    Document released = Jsoup.parse(teacher.get(LIST).body());
    assertEquals("RELEASED", released.selectFirst("tr[data-user=u-anna-g] [data-status]").attr("data-status"));
    assertEquals("1", released.selectFirst("[data-fact=released]").text());
  }

  @Test
  void aReleasedGradeReachesThePlatformsGradebookExactlyOnce(TestInfo test) throws Exception {
    String course = course(test);
    MockGradebook gradebook = MockPlatforms.get().gradebook();
    String lineItem = gradebook.openLineItem(course, "Reflection on data protection", 14);
    Member anna = launchWithGradebook(course, lineItem, "u-anna-ags", "Learner", "Anna Gradebook");
    Member teacher = launchWithGradebook(course, lineItem, "u-teacher-ags", "Instructor", "Teacher Gradebook");
    submit(anna, "<p>My reflection, on its way to the gradebook.</p>");

    // the submission's score (no points) is sent first; once it is in, the release is the only score to come
    MockGradebook.ReceivedScore submitted = gradebook.awaitScores(course, 1, DELIVERY_LIMIT).get(0);
    assertEquals("u-anna-ags", submitted.userId());
    assertEquals("Submitted", submitted.activityProgress());
    assertEquals("PendingManual", submitted.gradingProgress());
    assertTrue(submitted.scoreGiven().isEmpty(), "no points before the teacher's release");

    Document form = Jsoup.parse(teacher.get(LIST + "/u-anna-ags").body());
    assertEquals(303, teacher.post(LIST + "/u-anna-ags", marking(form, "release", false)).status());
    MockGradebook.ReceivedScore released = gradebook.awaitScores(course, 2, DELIVERY_LIMIT).get(1);
    assertEquals("u-anna-ags", released.userId());
    assertEquals(Optional.of(14.0), released.scoreGiven());
    assertEquals(Optional.of(14.0), released.scoreMaximum());
    assertEquals(Optional.of("A careful and honest analysis."), released.comment(), "the feedback, never the note");
    assertEquals("Completed", released.activityProgress());
    assertEquals("FullyGraded", released.gradingProgress());
    assertTrue(released.timestamp().isAfter(submitted.timestamp()), "a platform ignores a score that is not newer");

    // the outbox has recorded the delivery, so nothing more will be sent: the count is final
    MockGradebook.await(() -> Jsoup.parse(teacher.get(LIST).body())
            .selectFirst("tr[data-user=u-anna-ags] [data-gradebook]").attr("data-gradebook"),
        "DELIVERED"::equals, DELIVERY_LIMIT, "the teacher's list to show the grade in the gradebook");
    assertEquals(2, gradebook.scores(course).size(), "one score for the submission, exactly one for the release: "
        + gradebook.scores(course));
    assertEquals(List.of(), gradebook.refusals(), "every token request and score was accepted at the first try");
  }

  @Test
  void aStudentGets403OnEveryGradingAddress(TestInfo test) throws Exception {
    String course = course(test);
    Member anna = launch("dep-1", course, "u-anna-s", "Learner", "Anna Student");
    submit(anna, "<p>Mine</p>");
    List<Browser.Page> tries = List.of(anna.get(LIST), anna.get(LIST + "/u-anna-s"),
        anna.post(LIST + "/u-anna-s", Map.of("action", "release", "points.principles", "4")),
        anna.post(LIST, Map.of("action", "releaseAll")),
        anna.post(LIST, Map.of("action", "retry", "entry", "x")));
    for (Browser.Page page : tries) {
      assertEquals(403, page.status(), page.url() + ": " + page.body());
      assertTrue(page.body().contains("Only the course’s teachers can grade reflections."), page.body());
    }
  }

  @Test
  void aTeacherOfAnotherCourseOrDeploymentFindsNoOneAndChangesNothing(TestInfo test) throws Exception {
    String course = course(test);
    Member anna = launch("dep-1", course, "u-anna-x", "Learner", "Anna Elsewhere");
    submit(anna, "<p>Only for my own course's teacher</p>");
    Member own = launch("dep-1", course, "u-teacher-x", "Instructor", "Own Teacher");
    String version = Jsoup.parse(own.get(LIST + "/u-anna-x").body()).selectFirst("input[name=version]").attr("value");

    for (Member outsider : List.of(launch("dep-2", course, "u-out-dep", "Instructor", "Other Deployment"),
        launch("dep-1", course + "-other", "u-out-course", "Instructor", "Other Course"))) {
      Browser.Page list = outsider.get(LIST);
      assertEquals(200, list.status());
      assertFalse(list.body().contains("Anna Elsewhere"), list.body());
      Browser.Page form = outsider.get(LIST + "/u-anna-x");
      assertEquals(404, form.status());
      assertFalse(form.body().contains("own course"), form.body());
      Map<String, String> marking = new LinkedHashMap<>(Map.of("action", "release", "version", version,
          "points.principles", "4", "points.application", "4", "points.security", "4", "points.expression", "2"));
      assertEquals(404, outsider.post(LIST + "/u-anna-x", marking).status());
      assertEquals(404, outsider.post(LIST, Map.of("action", "retry", "entry", version)).status());
    }
    Document untouched = Jsoup.parse(own.get(LIST).body());
    assertEquals("SUBMITTED", untouched.selectFirst("tr[data-user=u-anna-x] [data-status]").attr("data-status"),
        "no outsider's marking was saved");
  }
}
