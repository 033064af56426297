package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole way of a grade, in the simulator's demo course: a teacher places a graded unit and
 * finds the five students of the platform's roster listed, they submit reflections, the teacher grades four and releases them while the platform's
 * score service is down, the tool is restarted, the platform comes back — and its gradebook holds
 * exactly those four grades with their feedback, and "submitted, pending" for the fifth.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GradebookEndToEndIT {
  private static final String TOOL = MockPlatforms.TOOL;
  private static final String UNIT = "data-protection";
  private static final List<String> STUDENTS = List.of("sim-student-aino", "sim-student-janis", "sim-student-zofia",
      "sim-student-layla", "sim-student-sam");
  private static final List<String> GRADED = STUDENTS.subList(0, 4);
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  @ArquillianResource Deployer deployer;

  @Deployment(name = "tool", managed = false, testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @Test
  void fourGradesReleasedDuringAnOutageReachTheGradebookAfterARestartAndTheFifthStaysPending() throws Exception {
    emptyDatabase(); // one gradebook column: this test's
    deployer.deploy("tool");
    String link;
    try {
      link = SimulatorCourse.placeGradedUnit(UNIT);
      Document roster = Teacher.launch(link).list();
      for (String student : STUDENTS) {
        // from the platform's roster (NRPS): listed before they ever opened the tool
        assertEquals("NOT_STARTED", roster.selectFirst("tr[data-user=" + student + "] [data-status]")
            .attr("data-status"), roster.select("table").outerHtml());
      }
      assertEquals(5, roster.select("tr[data-user]").size(), "learners only: no teacher, no administrator");
      for (String student : STUDENTS) {
        SimulatorCourse.submitReflection(student, link, UNIT,
            "<p>At work I keep client data off my own social media, " + student + ".</p>");
      }
      awaitGradebook(rows -> rows.size() == 5 && rows.values().stream().allMatch(r -> r.contains("Submitted")),
          "five submissions, pending");

      Browser tester = new Browser();
      assertEquals(303, tester.post(TOOL + "/simulator/faults",
          Map.of("fault", "SCORES_UNAVAILABLE", "minutes", "30")).status());
      Teacher teacher = Teacher.launch(link);
      for (String student : GRADED) {
        teacher.release(student);
      }
      Document list = teacher.list();
      for (String student : GRADED) {
        assertEquals("RELEASED", list.selectFirst("tr[data-user=" + student + "] [data-status]").attr("data-status"));
        assertEquals("PENDING", list.selectFirst("tr[data-user=" + student + "] [data-gradebook]")
            .attr("data-gradebook"), "waiting while the platform is down");
      }
      Thread.sleep(3000); // a delivery attempt meets the outage
      assertTrue(gradebook().values().stream().noneMatch(r -> r.contains("FullyGraded")), "nothing graded arrived yet");
    } finally {
      ToolDeployment.undeploy(deployer, "tool");
    }

    deployer.deploy("tool");
    try {
      assertEquals(303, new Browser().post(TOOL + "/simulator/faults", Map.of("fault", "clear")).status());
      Map<String, String> rows = awaitGradebook(r -> GRADED.stream().allMatch(s -> row(r, s).contains("FullyGraded")),
          "the four released grades");
      for (String student : GRADED) {
        String row = row(rows, student);
        assertTrue(row.contains("14 / 14 | Completed | FullyGraded | Careful work, " + student + "."), row);
      }
      String fifth = row(rows, "sim-student-sam");
      assertTrue(fifth.startsWith("— / ") && fifth.contains(" | Submitted | PendingManual"), fifth);
      assertEquals(5, rows.size(), "no other learner, no duplicate: " + rows);
    } finally {
      ToolDeployment.undeploy(deployer, "tool");
    }
  }
  /** The teacher, launched from the graded activity. */
  private record Teacher(Browser browser, String token) {
    static Teacher launch(String link) throws Exception {
      Browser browser = new Browser();
      Browser.Page landing = SimulatorFlowIT.launchFromSimulator(browser, "sim-teacher-maria", link, "en");
      assertEquals(200, landing.status(), landing.body());
      return new Teacher(browser, SimulatorCourse.sessionOf(landing));
    }

    Document list() throws Exception {
      Browser.Page page = browser.get(TOOL + "/app/grading/" + UNIT + "?s=" + enc(token));
      assertEquals(200, page.status(), page.body());
      return Jsoup.parse(page.body());
    }

    /** Every criterion at its top level, feedback naming the student, released. */
    void release(String student) throws Exception {
      String path = TOOL + "/app/grading/" + UNIT + "/" + student;
      Browser.Page formPage = browser.get(path + "?s=" + enc(token));
      assertEquals(200, formPage.status(), formPage.body());
      Document form = Jsoup.parse(formPage.body());
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("s", token);
      fields.put("version", form.selectFirst("input[name=version]").attr("value"));
      for (Element radio : form.select("fieldset.criterion input[type=radio]")) {
        fields.put(radio.attr("name"), radio.attr("value")); // the last level of each group wins: the top one
      }
      fields.put("feedback", "Careful work, " + student + ".");
      fields.put("action", "release");
      Browser.Page released = browser.post(path, fields);
      assertEquals(303, released.status(), released.body());
    }

    private static String enc(String value) {
      return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** The simulator's gradebook: per learner id, "points | activity | grading | comment". */
  private static Map<String, String> gradebook() throws Exception {
    Document page = Jsoup.parse(new Browser().get(TOOL + "/simulator").body());
    Map<String, String> rows = new LinkedHashMap<>();
    for (Element row : page.select("table.gradebook tr:has(td)")) {
      List<String> cells = row.select("td").eachText();
      rows.put(cells.get(0), String.join(" | ", cells.subList(1, 5)));
    }
    return rows;
  }

  /** A learner's row, found by the demo course's name for the id. */
  private static String row(Map<String, String> rows, String student) {
    String name = eu.somework.simulator.DemoCourse.person(student).orElseThrow().name();
    return rows.getOrDefault(name, "");
  }

  private static Map<String, String> awaitGradebook(java.util.function.Predicate<Map<String, String>> done,
      String what) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    Map<String, String> rows = gradebook();
    while (!done.test(rows)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The gradebook never showed " + what + " in " + PATIENCE.toSeconds() + " s: " + rows);
      }
      Thread.sleep(1000);
      rows = gradebook();
    }
    return rows;
  }

  /** Removes the test server's H2 files, so that this server starts on an empty database. */
  private static void emptyDatabase() throws IOException {
    ToolDeployment.awaitPortFree();
    Path data = Path.of(System.getProperty("it.data.dir", "target/it-data"));
    if (Files.isDirectory(data)) {
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(data)).forEach(p -> p.toFile().delete());
      }
    }
  }
}
