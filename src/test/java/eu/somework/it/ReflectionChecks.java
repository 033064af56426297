package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import eu.somework.reflection.XssPayloads;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Reflections over HTTP, launched from the mock platforms as an LMS launches: writing, autosave,
 * submitting and revising; the teacher's reading; the course blog and its comments; and every
 * way a student might reach what is not theirs — another student's private reflection, another
 * course, deployment or platform — answered with 403 or 404 and no data. Runs on H2
 * ({@link ReflectionIT}) and on PostgreSQL as an institution runs it ({@link ReflectionPostgresIT}).
 */
abstract class ReflectionChecks {
  private static final String UNIT = "data-protection";
  private static final Pattern TOKEN = Pattern.compile("[?&]s=([^&\"]+)");

  /** A launched course member: browser with its session cookie, and the session token. */
  record Member(Browser browser, String token) {
    String url(String path) {
      return MockPlatforms.TOOL + path + "?s=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    Browser.Page get(String path) throws Exception {
      return browser.get(url(path));
    }

    Browser.Page post(String path, Map<String, String> fields) throws Exception {
      Map<String, String> form = new LinkedHashMap<>(fields);
      form.put("s", token);
      return browser.post(MockPlatforms.TOOL + path, form);
    }

    /** What the editor's script sends: the token in the header, the cookie the browser holds. */
    HttpResponse<String> autosave(String unit, String html, boolean withCookie) throws Exception {
      return HttpClient.newHttpClient().send(draftSave(unit, Map.of("html", html), withCookie),
          HttpResponse.BodyHandlers.ofString());
    }

    /** The script's autosave request with these form fields ({@code html}, optionally {@code base}). */
    HttpRequest draftSave(String unit, Map<String, String> fields, boolean withCookie) {
      String host = URI.create(MockPlatforms.TOOL).getAuthority();
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(MockPlatforms.TOOL + "/app/units/" + unit
              + "/reflection/draft"))
          .header("X-SomeWork-Session", token).header("Accept", "application/json")
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(fields)));
      if (withCookie) {
        browser.cookieNames(host).stream().filter(n -> n.startsWith("somework_session_"))
            .forEach(n -> request.header("Cookie", n + "=" + browser.cookie(host, n)));
      }
      return request.build();
    }
  }

  /** A launch from platform a, client-a1, into {@code context} of {@code deployment}. */
  static Member launch(String deployment, String context, String userId, String role, String name) throws Exception {
    return launch("a", "client-a1", deployment, context, userId, role, name);
  }

  static Member launch(String platform, String clientId, String deployment, String context, String userId, String role,
      String name) throws Exception {
    MockPlatforms platforms = MockPlatforms.get();
    Browser browser = new Browser();
    LtiLogin login = LtiLogin.start(browser, platform, clientId, deployment);
    assertEquals(302, login.answer().status(), login.answer().body());
    JWTClaimsSet claims = MockPlatforms.resourceLinkLaunch(platform, clientId, deployment, login.nonce(), userId, role)
        .claim("name", name)
        .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", context, "title", "Course " + context))
        .build();
    Browser.Page answer = login.launch(browser, MockPlatforms.sign(platforms.key(platform), claims));
    assertEquals(303, answer.status(), answer.body());
    Matcher token = TOKEN.matcher(answer.header("Location"));
    assertTrue(token.find(), answer.header("Location"));
    return new Member(browser, URLDecoder.decode(token.group(1), StandardCharsets.UTF_8));
  }

  private static String course(TestInfo test) {
    return "refl-" + test.getTestMethod().orElseThrow().getName();
  }

  private static Map<String, String> form(String html, String visibility, String action) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("html", html);
    if (visibility != null) {
      form.put("visibility", visibility);
    }
    form.put("action", action);
    return form;
  }

  private static String editor(String unit) {
    return "/app/units/" + unit + "/reflection";
  }

  @Test
  void aStudentWritesSavesSubmitsAndRevises(TestInfo test) throws Exception {
    Member anna = launch("dep-1", course(test), "u-anna-w", "Learner", "Anna Writer");
    Browser.Page unitPage = anna.get("/app/units/" + UNIT);
    assertTrue(unitPage.body().contains(editor(UNIT) + "?s="), "the unit page links to the editor");

    Browser.Page empty = anna.get(editor(UNIT));
    assertEquals(200, empty.status(), empty.body());
    assertEquals("Draft, not submitted", empty.fact("reflection-status"));
    assertTrue(empty.body().contains("Assessment criteria"), "the task and rubric are beside the editor");

    Browser.Page saved = anna.post(editor(UNIT), form("<p>My first thoughts</p>", "PRIVATE", "save"));
    assertEquals(303, saved.status(), saved.body());
    Browser.Page reopened = anna.browser().follow(saved);
    assertTrue(reopened.body().contains("Your draft is saved."), reopened.body());
    assertTrue(reopened.body().contains("<p>My first thoughts</p>"), "the draft is in the editor");

    Browser.Page submitted = anna.browser().follow(anna.post(editor(UNIT),
        form("<p>My first thoughts, now complete.</p>", "PRIVATE", "submit")));
    assertEquals("Submitted", submitted.fact("reflection-status"));
    assertTrue(submitted.body().contains("Version 1 · submitted"), submitted.body());
    assertTrue(submitted.body().contains("The task asks for"), "the word range is shown");

    HttpResponse<String> autosaved = anna.autosave(UNIT, "<p>A revision <em>in progress</em></p>", true);
    assertEquals(200, autosaved.statusCode(), autosaved.body());
    assertTrue(autosaved.body().contains("\"words\":4"), autosaved.body());
    assertTrue(autosaved.body().contains("\"status\":\"DRAFT\""), autosaved.body());
    Browser.Page reloaded = anna.get(editor(UNIT));
    assertTrue(reloaded.body().contains("<p>A revision <em>in progress</em></p>"), "the autosaved draft survives a reload");
    assertTrue(reloaded.fact("reflection-status").startsWith("Revising"), reloaded.fact("reflection-status"));

    Browser.Page second = anna.browser().follow(anna.post(editor(UNIT),
        form("<p>A revision <em>in progress</em></p>", null, "submit")));
    assertTrue(second.body().contains("Version 2 · submitted"), second.body());
    assertTrue(second.body().contains("Version 1 · submitted"), "the first version is kept");
    assertTrue(second.body().contains("has 4 words"), "out of the range: submitted, with a warning");
  }

  @Test
  void withoutJavaScriptPlainTextIsSavedAsParagraphs(TestInfo test) throws Exception {
    Member anna = launch("dep-1", course(test), "u-anna-plain", "Learner", "Anna Plain");
    anna.post(editor(UNIT), form("First paragraph.\r\n\r\nSecond & last.", "PRIVATE", "save"));
    String page = anna.get(editor(UNIT)).body();
    assertTrue(page.contains("<p>First paragraph.</p><p>Second &amp; last.</p>"), page);
  }

  @Test
  void submittingNothingIsA400ThatKeepsTheEditor(TestInfo test) throws Exception {
    Member anna = launch("dep-1", course(test), "u-anna-empty", "Learner", "Anna Empty");
    Browser.Page refused = anna.post(editor(UNIT), form("<p> </p>", "PRIVATE", "submit"));
    assertEquals(400, refused.status());
    assertTrue(refused.body().contains("An empty reflection cannot be submitted."), refused.body());
    assertTrue(refused.body().contains("id=\"editor\""), "the editor is still there");
  }

  private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

  private static String version(HttpResponse<String> saved) {
    Matcher version = VERSION.matcher(saved.body());
    assertTrue(version.find(), saved.body());
    return version.group(1);
  }

  @Test
  void overlappingSavesOfOneDraftAllSucceedAndASaveFromAnOutOfDateWindowIsA409ThatLosesNothing(TestInfo test)
      throws Exception {
    Member anna = launch("dep-1", course(test), "u-anna-overlap", "Learner", "Anna Overlap");
    HttpResponse<String> first = anna.autosave(UNIT, "<p>first text</p>", true);
    assertEquals(200, first.statusCode(), first.body());
    String loaded = version(first);

    // twenty saves of the same draft at once, as queued autosaves on a slow connection send them
    HttpClient client = HttpClient.newHttpClient();
    List<String> sent = new java.util.ArrayList<>();
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> answers = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String html = "<p>overlapping save " + i + "</p>";
      sent.add(html);
      answers.add(client.sendAsync(anna.draftSave(UNIT, Map.of("html", html), true),
          HttpResponse.BodyHandlers.ofString()));
    }
    for (var answer : answers) {
      HttpResponse<String> saved = answer.get();
      assertEquals(200, saved.statusCode(), "no overlapping save fails: " + saved.body());
      assertTrue(saved.body().startsWith("{"), saved.body());
    }
    String stored = Jsoup.parse(anna.get(editor(UNIT)).body()).selectFirst("#editor").html();
    assertTrue(sent.contains(stored), "the stored text is one of those sent: " + stored);

    // a tab still based on the first save: refused with a reason the editor shows, nothing overwritten
    HttpResponse<String> stale = client.send(anna.draftSave(UNIT, Map.of("html", "<p>from an old tab</p>",
        "base", loaded), true), HttpResponse.BodyHandlers.ofString());
    assertEquals(409, stale.statusCode(), stale.body());
    assertTrue(stale.body().startsWith("{"), "JSON for the script: " + stale.body());
    assertTrue(stale.body().contains("changed in another window"), stale.body());
    Document after = Jsoup.parse(anna.get(editor(UNIT)).body());
    assertEquals(stored, after.selectFirst("#editor").html(), "the saved draft is unchanged");

    // the editor's own next save, based on the version it was given, is stored
    String current = after.selectFirst("#reflection-form").attr("data-version");
    HttpResponse<String> next = client.send(anna.draftSave(UNIT, Map.of("html", "<p>next save</p>",
        "base", current), true), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, next.statusCode(), next.body());
    assertTrue(Long.parseLong(version(next)) > Long.parseLong(current), next.body());
    assertTrue(anna.get(editor(UNIT)).body().contains("<p>next save</p>"));
  }

  @Test
  void autosaveNeedsTheSessionCookieAndRefusesTooMuchTextWithAReason(TestInfo test) throws Exception {
    Member anna = launch("dep-1", course(test), "u-anna-auto", "Learner", "Anna Auto");
    assertEquals(200, anna.autosave(UNIT, "<p>kept draft</p>", true).statusCode());
    assertEquals(401, anna.autosave(UNIT, "<p>from elsewhere</p>", false).statusCode());

    HttpResponse<String> tooLong = anna.autosave(UNIT, "<p>" + "a".repeat(100_001) + "</p>", true);
    assertEquals(413, tooLong.statusCode(), tooLong.body());
    assertTrue(tooLong.body().contains("at most 100 KB"), tooLong.body());
    assertTrue(tooLong.body().startsWith("{"), "JSON for the script: " + tooLong.body());
    assertTrue(anna.get(editor(UNIT)).body().contains("<p>kept draft</p>"), "the saved draft is unchanged");

    assertEquals(404, anna.autosave("no-such-unit", "<p>x</p>", true).statusCode());
  }

  @Test
  void knownXssPayloadsAreStoredAndShownWithoutAnythingExecutable(TestInfo test) throws Exception {
    Member anna = launch("dep-1", course(test), "u-anna-xss", "Learner", "Anna Xss");
    Member bartek = launch("dep-1", course(test), "u-bartek-xss", "Learner", "Bartek Xss");
    Member teacher = launch("dep-1", course(test), "u-teacher-xss", "Instructor", "Teacher Xss");
    String all = "<p>payloads</p>" + String.join("", XssPayloads.ALL);
    assertEquals(303, anna.post(editor(UNIT), form(all, "SHARED", "submit")).status());

    for (Member reader : List.of(anna, teacher)) {
      Document page = Jsoup.parse(reader.get(editor(UNIT)).body());
      Element text = page.selectFirst(reader == anna ? "#editor" : ".reflection-text");
      assertTrue(text != null && text.text().contains("payloads"), page.outerHtml());
      XssPayloads.assertNothingExecutable(text.html(), "all payloads");
    }
    Document blog = Jsoup.parse(bartek.get("/app/blog").body());
    Element shared = blog.selectFirst(".reflection-text");
    assertTrue(shared != null && shared.text().contains("payloads"), blog.outerHtml());
    XssPayloads.assertNothingExecutable(shared.html(), "all payloads");

    String reflection = blog.selectFirst("article.reflection-entry").id().substring(2);
    for (String payload : XssPayloads.ALL.subList(0, 12)) {
      assertEquals(303, bartek.post("/app/blog/" + reflection + "/comments", Map.of("text", payload)).status());
    }
    Document withComments = Jsoup.parse(bartek.get("/app/blog").body());
    List<Element> comments = withComments.select(".comment-text");
    assertEquals(12, comments.size());
    for (int i = 0; i < comments.size(); i++) {
      assertEquals(0, comments.get(i).childrenSize(), "a comment is text only: " + comments.get(i).outerHtml());
      assertEquals(XssPayloads.ALL.get(i).strip(), comments.get(i).wholeText().strip());
    }
  }

  @Test
  void aStudentNeverSeesAnotherStudentsPrivateReflection(TestInfo test) throws Exception {
    Member anna = launch("dep-1", course(test), "u-anna-p", "Learner", "Anna Private");
    Member bartek = launch("dep-1", course(test), "u-bartek-p", "Learner", "Bartek Peer");
    anna.post(editor(UNIT), form("<p>Anna shares this for a moment</p>", "SHARED", "submit"));
    String reflection = Jsoup.parse(bartek.get("/app/blog").body()).selectFirst("article.reflection-entry").id()
        .substring(2);
    anna.post(editor(UNIT), form("<p>Anna shares this for a moment</p>", "PRIVATE", "save"));
    anna.post(editor(UNIT), form("<p>Anna's secret thoughts</p>", "PRIVATE", "submit"));

    Browser.Page blog = bartek.get("/app/blog");
    assertEquals(200, blog.status());
    assertFalse(blog.body().contains("secret thoughts"), blog.body());
    assertFalse(blog.body().contains("shares this"), "no longer shared: " + blog.body());
    assertTrue(blog.body().contains("No one has shared a reflection in this course yet."), blog.body());

    Browser.Page comment = bartek.post("/app/blog/" + reflection + "/comments", Map.of("text", "let me in"));
    assertEquals(404, comment.status(), comment.body());
    assertFalse(comment.body().contains("secret"), comment.body());
    Browser.Page own = bartek.get(editor(UNIT));
    assertFalse(own.body().contains("secret thoughts"), "his editor shows his own reflection only");
  }

  @Test
  void nothingCrossesToAnotherCourseDeploymentOrPlatform(TestInfo test) throws Exception {
    String course = course(test);
    Member anna = launch("dep-1", course, "u-anna-c", "Learner", "Anna Course");
    Member classmate = launch("dep-1", course, "u-bo-c", "Learner", "Bo Classmate");
    anna.post(editor(UNIT), form("<p>Shared inside course one only</p>", "SHARED", "submit"));
    Document blog = Jsoup.parse(classmate.get("/app/blog").body());
    assertTrue(blog.text().contains("Shared inside course one only"), "the cohort sees it");
    String reflection = blog.selectFirst("article.reflection-entry").id().substring(2);
    classmate.post("/app/blog/" + reflection + "/comments", Map.of("text", "A classmate's remark"));
    String comment = Jsoup.parse(classmate.get("/app/blog").body()).selectFirst("form[action*=/remove]").attr("action");

    List<Member> outsiders = List.of(
        launch("dep-1", course + "-other", "u-out-context", "Learner", "Other Context"),
        launch("dep-2", course, "u-out-deployment", "Learner", "Other Deployment"),
        launch("b", "client-b", "1", course, "u-out-platform", "Learner", "Other Platform"),
        launch("dep-2", course, "u-out-teacher", "Instructor", "Other Teacher"),
        launch("dep-2", course, "u-anna-c", "Learner", "Anna Elsewhere"));
    for (Member outsider : outsiders) {
      Browser.Page theirBlog = outsider.get("/app/blog");
      assertEquals(200, theirBlog.status());
      assertFalse(theirBlog.body().contains("course one only"), theirBlog.body());
      assertFalse(theirBlog.body().contains("classmate's remark"), theirBlog.body());
      Browser.Page unitView = outsider.get(editor(UNIT));
      assertFalse(unitView.body().contains("course one only"), unitView.body());
      Browser.Page commented = outsider.post("/app/blog/" + reflection + "/comments", Map.of("text", "from outside"));
      assertEquals(404, commented.status(), commented.body());
      Browser.Page removed = outsider.post(comment, Map.of());
      assertEquals(404, removed.status(), removed.body());
      assertFalse(removed.body().contains("remark"), removed.body());
    }
    assertTrue(classmate.get("/app/blog").body().contains("classmate's remark"), "the comment is still there");
  }

  @Test
  void commentsAreRemovedByTheirAuthorTheReflectionsAuthorOrATeacher(TestInfo test) throws Exception {
    String course = course(test);
    Member anna = launch("dep-1", course, "u-anna-r", "Learner", "Anna Author");
    Member bartek = launch("dep-1", course, "u-bartek-r", "Learner", "Bartek Commenter");
    Member cecilia = launch("dep-1", course, "u-cecilia-r", "Learner", "Cecilia Bystander");
    Member teacher = launch("dep-1", course, "u-teacher-r", "Instructor", "Teacher Remover");
    anna.post(editor(UNIT), form("<p>Please discuss</p>", "SHARED", "submit"));
    String reflection = Jsoup.parse(bartek.get("/app/blog").body()).selectFirst("article.reflection-entry").id()
        .substring(2);
    for (String remark : List.of("first remark", "second remark", "third remark")) {
      bartek.post("/app/blog/" + reflection + "/comments", Map.of("text", remark));
    }
    Document asCecilia = Jsoup.parse(cecilia.get("/app/blog").body());
    assertEquals(0, asCecilia.select("form[action*=/remove]").size(), "a bystander gets no remove button");
    Document asBartek = Jsoup.parse(bartek.get("/app/blog").body());
    List<String> removals = asBartek.select("form[action*=/remove]").eachAttr("action");
    assertEquals(3, removals.size());

    Browser.Page refused = cecilia.post(removals.get(0), Map.of());
    assertEquals(403, refused.status(), refused.body());
    assertEquals(303, bartek.post(removals.get(0), Map.of()).status(), "its author");
    assertEquals(303, anna.post(removals.get(1), Map.of()).status(), "the reflection's author");
    assertEquals(303, teacher.post(removals.get(2), Map.of()).status(), "a teacher");
    String after = cecilia.get("/app/blog").body();
    assertFalse(after.contains("remark"), after);

    Browser.Page empty = bartek.post("/app/blog/" + reflection + "/comments", Map.of("text", "   "));
    assertEquals(400, empty.status());
    assertTrue(empty.body().contains("Write something before adding a comment."), empty.body());
  }

  @Test
  void theTeacherReadsEverySubmittedReflectionOfTheUnitButNoDraft(TestInfo test) throws Exception {
    String course = course(test);
    Member anna = launch("dep-1", course, "u-anna-t", "Learner", "Anna Submitted");
    Member bartek = launch("dep-1", course, "u-bartek-t", "Learner", "Bartek Drafting");
    Member teacher = launch("dep-1", course, "u-teacher-t", "Instructor", "Teacher Reader");
    anna.post(editor(UNIT), form("<p>Anna's private submission</p>", "PRIVATE", "submit"));
    bartek.post(editor(UNIT), form("<p>Bartek's unfinished draft</p>", "PRIVATE", "save"));

    Browser.Page list = teacher.get(editor(UNIT));
    assertEquals(200, list.status());
    assertTrue(list.body().contains("Anna Submitted"), list.body());
    assertTrue(list.body().contains("Anna&#39;s private submission") || list.body().contains("Anna's private submission"),
        list.body());
    assertFalse(list.body().contains("unfinished draft"), list.body());
    assertFalse(list.body().contains("id=\"editor\""), "read-only: no editor");
    assertEquals(403, teacher.post(editor(UNIT), form("<p>x</p>", "PRIVATE", "save")).status());
  }
}
