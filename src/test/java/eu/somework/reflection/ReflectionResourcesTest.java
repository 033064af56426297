package eu.somework.reflection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.access.RequestContext;
import eu.somework.config.Settings;
import eu.somework.course.CourseMembers;
import eu.somework.learner.LanguagePreferences;
import eu.somework.persistence.TestDatabase;
import eu.somework.persistence.Transactor;
import eu.somework.progress.LearnerProgress;
import eu.somework.session.SessionCookie;
import eu.somework.session.SessionTokens;
import eu.somework.session.ToolSession;
import eu.somework.testsupport.ModuleFixtures;
import eu.somework.testsupport.Sessions;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reflection pages wired as the container wires them (real catalogue, tokens and schema on H2),
 * called as the browser in the LMS frame calls them, without a server.
 */
class ReflectionResourcesTest {
  private static final String UNIT = "data-protection";
  private SessionTokens tokens;
  private LanguagePreferences languages;
  private CourseMembers members;
  private ReflectionResource editor;
  private BlogResource blog;

  @BeforeEach
  void wire() {
    Transactor tx = TestDatabase.open("reflection-resources-" + System.nanoTime());
    Settings settings = new Settings() {
      @Override
      public String baseUrl() {
        return "https://tool.example";
      }
    };
    tokens = SessionTokens.over(tx, settings);
    members = CourseMembers.over(tx);
    languages = LanguagePreferences.over(tx);
    LearnerProgress progress = LearnerProgress.over(tx, members, Clock.systemUTC());
    editor = new ReflectionResource();
    editor.catalogue = ModuleFixtures.CATALOGUE;
    editor.reflections = Reflections.over(tx, progress, Clock.systemUTC());
    editor.members = members;
    editor.settings = settings;
    blog = new BlogResource();
    blog.blog = CourseBlog.over(tx, Clock.systemUTC());
    blog.members = members;
    blog.catalogue = ModuleFixtures.CATALOGUE;
    blog.settings = settings;
  }

  /** A launch (the name is remembered), then the request context the access filter would give. */
  private String as(ToolSession session) {
    members.seen(session);
    String token = tokens.issue(session, SessionCookie.create());
    RequestContext context = RequestContext.forSession(session, token, null, null, languages);
    editor.context = context;
    blog.context = context;
    return token;
  }

  private static String html(Response response) {
    return (String) response.getEntity();
  }

  @Test
  void theStudentsEditorHasItsToolbarLabelsTaskAndEmptyDraft() {
    String token = as(Sessions.student("u-anna", "Anna"));
    Response page = editor.show(UNIT, null);
    assertEquals(200, page.getStatus());
    assertEquals("no-store", page.getHeaderString("Cache-Control"));
    Document doc = Jsoup.parse(html(page));
    assertEquals(1, doc.select("h1").size());
    assertEquals("/app/units/data-protection/reflection", doc.selectFirst("#reflection-form").attr("action"));
    assertEquals(token, doc.selectFirst("#reflection-form input[name=s]").val());
    assertEquals("300", doc.selectFirst("#reflection-form").attr("data-min"));
    assertEquals("Words: {0}", doc.selectFirst("#reflection-form").attr("data-t-words"));
    assertEquals(7, doc.select("[role=toolbar] button[data-command]").size());
    assertEquals("editor-label", doc.selectFirst("#editor").attr("aria-labelledby"));
    assertTrue(doc.selectFirst(".editor-wrap").hasAttr("hidden"), "without the script the plain field is used");
    assertEquals("reflection-source", doc.selectFirst(".source-wrap label").attr("for"));
    assertTrue(doc.selectFirst("input[value=PRIVATE]").hasAttr("checked"), "private by default");
    assertEquals("Words: 0", doc.selectFirst("#word-count .count").text());
    assertEquals("short", doc.selectFirst("#word-count").attr("data-state"));
    assertEquals("/static/reflection-editor.js", doc.selectFirst("script").attr("src"));
    assertTrue(doc.selectFirst("aside.reflection-task").text().contains("Assessment criteria"));
  }

  @Test
  void theFormSavesThenSubmitsAndTheEditorSaysSo() {
    String token = as(Sessions.student("u-anna", "Anna"));
    Response saved = editor.save(UNIT, "<p>A <em>draft</em><img src=x onerror=alert(1)></p>", "SHARED", "save");
    assertEquals(303, saved.getStatus());
    assertEquals("https://tool.example/app/units/data-protection/reflection?s=" + token + "&notice=saved",
        saved.getLocation().toString());
    Document page = Jsoup.parse(html(editor.show(UNIT, "saved")));
    assertEquals("<p>A <em>draft</em></p>", page.selectFirst("#editor").html());
    assertEquals("<p>A <em>draft</em></p>", page.selectFirst("#reflection-source").text(), "escaped in the field");
    assertTrue(page.selectFirst("input[value=SHARED]").hasAttr("checked"));
    assertEquals("Your draft is saved.", page.selectFirst(".notice").text());

    Response submitted = editor.save(UNIT, "<p>A <em>draft</em></p>", null, "submit");
    assertTrue(submitted.getLocation().toString().endsWith("&notice=submittedOutOfRange"), "2 words of 300-500");
    Document after = Jsoup.parse(html(editor.show(UNIT, "submittedOutOfRange")));
    assertEquals("Your reflection is submitted (version 1), but it has 2 words and the task asks for 300–500."
        + " You can revise it and submit again.", after.selectFirst(".notice").text());
    assertEquals("Submitted", after.selectFirst("[data-fact=reflection-status]").text());
    assertTrue(after.selectFirst("input[value=SHARED]").hasAttr("checked"), "the visibility kept");
    assertEquals("Submit the revision", after.selectFirst("button[value=submit]").text());
  }

  @Test
  void autosaveAnswersJsonAndRefusesTooMuchText() {
    as(Sessions.student("u-anna", "Anna"));
    Response saved = editor.autosave(UNIT, "<p>three words here</p>", null, null);
    assertEquals(200, saved.getStatus());
    String body = (String) saved.getEntity();
    assertTrue(body.startsWith("{\"status\":\"DRAFT\",\"statusText\":\"Draft, not submitted\",\"words\":3,\"savedAt\":\""),
        body);
    WebApplicationException tooLong = assertThrows(WebApplicationException.class,
        () -> editor.autosave(UNIT, "x".repeat(100_001), "PRIVATE", null));
    assertEquals(413, tooLong.getResponse().getStatus());
    assertTrue(tooLong.getMessage().startsWith("Your text was not saved: a reflection may have at most 100 KB"),
        tooLong.getMessage());
    assertThrows(BadRequestException.class, () -> editor.autosave(UNIT, null, null, null));
    assertThrows(NotFoundException.class, () -> editor.autosave("no-such-unit", "<p>x</p>", null, null));
  }

  @Test
  void aSaveBasedOnTheStoredVersionWinsAndOneFromAnOlderVersionIsA409ThatStoresNothing() {
    as(Sessions.student("u-anna", "Anna"));
    String first = (String) editor.autosave(UNIT, "<p>first text</p>", null, "0").getEntity();
    long version = Long.parseLong(first.replaceAll(".*\"version\":(\\d+).*", "$1"));
    String second = (String) editor.autosave(UNIT, "<p>second text</p>", null, String.valueOf(version)).getEntity();
    assertTrue(second.contains("\"words\":2"), second);

    ReflectionRefused stale = assertThrows(ReflectionRefused.class,
        () -> editor.autosave(UNIT, "<p>from an old tab</p>", null, String.valueOf(version)));
    assertEquals(ReflectionRefused.Reason.DRAFT_CHANGED, stale.reason());
    assertEquals(409, stale.reason().status());
    assertEquals("<p>second text</p>", Jsoup.parse(html(editor.show(UNIT, null))).selectFirst("#editor").html(),
        "nothing already saved is lost");
  }

  @Test
  void anEmptySubmissionShowsTheEditorAgainWithA400() {
    as(Sessions.student("u-anna", "Anna"));
    Response refused = editor.save(UNIT, "<p> </p>", "PRIVATE", "submit");
    assertEquals(400, refused.getStatus());
    Document page = Jsoup.parse(html(refused));
    assertEquals("alert", page.selectFirst(".notice").attr("role"));
    assertEquals("An empty reflection cannot be submitted. Write your reflection first.", page.selectFirst(".notice").text());
  }

  @Test
  void theTeacherGetsTheReadOnlyListWithNamesAndVersions() {
    as(Sessions.student("u-anna", "Anna"));
    editor.save(UNIT, "<p>first</p>", "PRIVATE", "submit");
    editor.save(UNIT, "<p>second</p>", "PRIVATE", "submit");
    as(Sessions.teacher());
    Document page = Jsoup.parse(html(editor.show(UNIT, null)));
    assertEquals("fi", page.selectFirst("html").attr("lang"), "the teacher launched in Finnish");
    assertEquals("Anna", page.selectFirst("article.reflection-entry h2").text());
    assertEquals("<p>second</p>", page.selectFirst("article > .reflection-text").html());
    assertEquals("<p>first</p>", page.selectFirst("details.earlier .reflection-text").html());
    assertTrue(page.select("#editor, form").isEmpty(), "read-only");
  }

  @Test
  void theBlogShowsSharedReflectionsWithCommentsAsText() {
    as(Sessions.student("u-anna", "Anna"));
    editor.save(UNIT, "<p>shared thoughts</p>", "SHARED", "submit");
    as(Sessions.student("u-bartek", "Bartek"));
    Document page = Jsoup.parse(html(blog.show(null)));
    String reflection = page.selectFirst("article.reflection-entry").id().substring(2);
    assertTrue(page.selectFirst("article h2").text().startsWith("Anna on “"), page.selectFirst("article h2").text());

    Response commented = blog.comment(reflection, "<script>alert(1)</script> good");
    assertEquals(303, commented.getStatus());
    assertTrue(commented.getLocation().toString().endsWith("&notice=commented#r-" + reflection));
    Document after = Jsoup.parse(html(blog.show("commented")));
    assertEquals("<script>alert(1)</script> good", after.selectFirst(".comment-text").text());
    assertEquals(0, after.select(".comment-text *").size());
    assertEquals("Bartek", after.selectFirst(".comment-list strong").text());
    assertEquals(1, after.select("form[action$=/remove]").size(), "the comment's author may remove it");

    ReflectionRefused empty = assertThrows(ReflectionRefused.class, () -> blog.comment(reflection, null));
    assertEquals(ReflectionRefused.Reason.EMPTY_COMMENT, empty.reason());
    ReflectionRefused unknown = assertThrows(ReflectionRefused.class, () -> blog.remove("no-such-comment"));
    assertEquals(404, unknown.reason().status());
  }

  @Test
  void aStudentsBlogHasNoOneElsesPrivateReflection() {
    as(Sessions.student("u-anna", "Anna"));
    editor.save(UNIT, "<p>anna private</p>", "PRIVATE", "submit");
    as(Sessions.student("u-bartek", "Bartek"));
    String page = html(blog.show(null));
    assertFalse(page.contains("anna private"), page);
    assertTrue(page.contains("No one has shared a reflection in this course yet."));
  }
}
