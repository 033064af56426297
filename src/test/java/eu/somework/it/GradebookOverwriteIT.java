package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A grade changed in the LMS, then regraded in the tool, in the simulator's demo course: the
 * teacher's form and list show what the gradebook holds against what the tool sent, a release
 * without the teacher's confirmation sends nothing and keeps what the teacher entered, and a
 * confirmed one overwrites the gradebook. Students reach none of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GradebookOverwriteIT {
  private static final String TOOL = MockPlatforms.TOOL;
  private static final String UNIT = "data-protection";
  private static final String STUDENT = "sim-student-janis";
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @Test
  void aGradeChangedInTheLmsIsShownBeforeTheRegradeAndOverwrittenOnlyWhenTheTeacherConfirms() throws Exception {
    String link = SimulatorCourse.placeGradedUnit(UNIT);
    Member student = Member.launch(STUDENT, link);
    Browser.Page saved = student.browser().post(TOOL + "/app/units/" + UNIT + "/reflection", Map.of("s", student.token(),
        "html", "<p>I keep client data off my own social media.</p>", "visibility", "PRIVATE", "action", "submit"));
    assertEquals(303, saved.status(), saved.body());

    Member teacher = Member.launch("sim-teacher-maria", link);
    String form = "/app/grading/" + UNIT + "/" + STUDENT;
    assertEquals(303, teacher.post(form, marking(teacher.get(form), true, "Careful work.", false)).status());
    awaitGradebook(row -> row.startsWith("14 / 14 | Completed | FullyGraded"), "the first grade");
    awaitList(teacher, row -> "DELIVERED".equals(row.selectFirst("[data-gradebook]").attr("data-gradebook")));

    // a teacher changes the grade in the LMS's own gradebook
    Browser lms = new Browser();
    Document overrideForm = Jsoup.parse(lms.get(TOOL + "/simulator/gradebook/override").body());
    List<Element> columns = overrideForm.select("select#lineItem option");
    String column = columns.get(columns.size() - 1).attr("value"); // the newest: this test's
    assertEquals(400, lms.post(TOOL + "/simulator/gradebook/override",
        Map.of("lineItem", column, "user", STUDENT, "points", "15")).status(), "more than the maximum");
    assertEquals(303, lms.post(TOOL + "/simulator/gradebook/override",
        Map.of("lineItem", column, "user", STUDENT, "points", "7")).status());
    assertTrue(gradebookRow().startsWith("7 / 14 | Completed | FullyGraded"), gradebookRow());

    // the regrade: the form and the list warn before anything is released
    Browser.Page opened = teacher.get(form);
    assertEquals(200, opened.status(), opened.body());
    Element warning = Jsoup.parse(opened.body()).selectFirst("[data-fact=gradebook-check]");
    assertNotNull(warning, opened.body());
    assertEquals("warning", warning.attr("data-check"));
    assertTrue(warning.text().startsWith("The gradebook holds 7/14, changed in the LMS since SoMe@Work sent 14/14 on "),
        warning.text());
    assertTrue(warning.text().endsWith("; releasing will overwrite it."), warning.text());
    assertNotNull(Jsoup.parse(opened.body()).selectFirst("input#overwrite[type=checkbox]"));
    Element listed = awaitList(teacher, row -> row.selectFirst("[data-check=changed]") != null);
    assertEquals("Changed in the LMS: 7/14 (SoMe@Work sent 14/14)", listed.selectFirst("[data-check=changed]").text());

    // Release without confirming: nothing saved or sent, the teacher's input kept
    Map<String, String> regrade = marking(opened, false, "Regraded after a second look.", false);
    Browser.Page refused = teacher.post(form, regrade);
    assertEquals(409, refused.status(), refused.body());
    Document again = Jsoup.parse(refused.body());
    assertTrue(again.selectFirst("[role=alert][data-fact=notice]").text().startsWith("Not released"), refused.body());
    assertEquals("Regraded after a second look.", again.selectFirst("textarea#feedback").text());
    for (Map.Entry<String, String> field : regrade.entrySet()) {
      if (field.getKey().startsWith("points.")) {
        assertNotNull(again.selectFirst("input[name=\"" + field.getKey() + "\"][value=\"" + field.getValue()
            + "\"][checked]"), "the chosen level stays chosen: " + field.getKey());
      }
    }
    assertEquals("warning", again.selectFirst("[data-fact=gradebook-check]").attr("data-check"));
    Thread.sleep(3000); // a delivery round would have sent it by now
    assertTrue(gradebookRow().startsWith("7 / 14 |"), "the gradebook keeps its grade: " + gradebookRow());
    Element unchanged = awaitList(teacher, row -> true);
    assertEquals("RELEASED", unchanged.selectFirst("[data-status]").attr("data-status"));
    assertTrue(unchanged.text().contains("14 / 14 points"), "the released grade stands: " + unchanged.text());

    // a student can reach none of it
    assertEquals(403, student.get(form).status());
    Map<String, String> forged = new LinkedHashMap<>(regrade);
    forged.put("overwrite", "yes");
    assertEquals(403, student.post(form, forged).status());
    assertEquals(403, student.get("/app/grading/" + UNIT).status());
    assertTrue(gradebookRow().startsWith("7 / 14 |"), gradebookRow());

    // confirmed: the regrade overwrites the gradebook
    Map<String, String> confirmed = new LinkedHashMap<>(regrade);
    confirmed.put("overwrite", "yes");
    Browser.Page released = teacher.post(form, confirmed);
    assertEquals(303, released.status(), released.body());
    int lowest = regrade.entrySet().stream().filter(e -> e.getKey().startsWith("points."))
        .mapToInt(e -> Integer.parseInt(e.getValue())).sum();
    String row = awaitGradebook(r -> r.startsWith(lowest + " / 14 | Completed | FullyGraded | Regraded after a second look."),
        "the confirmed regrade");
    assertTrue(row.contains("Regraded"), row);
    awaitList(teacher, r -> "DELIVERED".equals(r.selectFirst("[data-gradebook]").attr("data-gradebook")));
    Document settled = Jsoup.parse(teacher.get(form).body());
    assertNull(settled.selectFirst("[data-check=warning]"), "the gradebook holds what was sent: no warning");
  }

  /** The form's fields: every criterion at its top or its lowest level, the feedback, Release. */
  private static Map<String, String> marking(Browser.Page formPage, boolean top, String feedback, boolean overwrite) {
    assertEquals(200, formPage.status(), formPage.body());
    Document form = Jsoup.parse(formPage.body());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("version", form.selectFirst("input[name=version]").attr("value"));
    for (Element radio : form.select("fieldset.criterion input[type=radio]")) {
      if (top || !fields.containsKey(radio.attr("name"))) {
        fields.put(radio.attr("name"), radio.attr("value")); // levels ascend: the last is the top one
      }
    }
    fields.put("feedback", feedback);
    fields.put("action", "release");
    if (overwrite) {
      fields.put("overwrite", "yes");
    }
    return fields;
  }

  /** Someone launched from the activity, with the session token the tool gave them. */
  private record Member(Browser browser, String token) {
    static Member launch(String user, String link) throws Exception {
      Browser browser = new Browser();
      Browser.Page landing = SimulatorFlowIT.launchFromSimulator(browser, user, link, "en");
      assertEquals(200, landing.status(), landing.body());
      return new Member(browser, URLDecoder.decode(landing.url().replaceAll(".*[?&]s=([^&]*).*", "$1"),
          StandardCharsets.UTF_8));
    }

    Browser.Page get(String path) throws Exception {
      return browser.get(TOOL + path + "?s=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    Browser.Page post(String path, Map<String, String> fields) throws Exception {
      Map<String, String> form = new LinkedHashMap<>(fields);
      form.put("s", token);
      return browser.post(TOOL + path, form);
    }
  }
  /** The student's row in the newest gradebook column (this test's): "points | activity | grading | comment". */
  private static String gradebookRow() throws Exception {
    Document page = Jsoup.parse(new Browser().get(TOOL + "/simulator").body());
    List<Element> columns = page.select("h2#gradebook ~ h3");
    Element next = columns.get(columns.size() - 1).nextElementSibling();
    String name = eu.somework.simulator.DemoCourse.person(STUDENT).orElseThrow().name();
    for (Element row : next.select("table.gradebook tr:has(td)")) {
      List<String> cells = row.select("td").eachText();
      if (cells.get(0).equals(name)) {
        return String.join(" | ", cells.subList(1, 5));
      }
    }
    return "";
  }

  private static String awaitGradebook(Predicate<String> done, String what) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    String row = gradebookRow();
    while (!done.test(row)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The gradebook never showed " + what + " in " + PATIENCE.toSeconds() + " s: " + row);
      }
      Thread.sleep(1000);
      row = gradebookRow();
    }
    return row;
  }

  /** The student's row of the teacher's grading list, once {@code done}. */
  private static Element awaitList(Member teacher, Predicate<Element> done) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      Browser.Page list = teacher.get("/app/grading/" + UNIT);
      assertEquals(200, list.status(), list.body());
      Element row = Jsoup.parse(list.body()).selectFirst("tr[data-user=" + STUDENT + "]");
      if (row != null && done.test(row)) {
        return row;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The grading list never showed the expected row: " + row);
      }
      Thread.sleep(1000);
    }
  }
}
