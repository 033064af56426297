package eu.somework.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.web.Templates;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The simulator page shows what a tool sent back (titles, custom parameters, messages) as text:
 * a tool under test is not trusted to send harmless HTML.
 */
class SimulatorPageTest {
  static final String SCRIPT = "\"><script>alert(1)</script>";
  static final String SCRIPT_AS_TEXT = "\"&gt;&lt;script&gt;alert(1)&lt;/script&gt;";

  @Test
  void theLaunchFormOffersEveryPersonAndActivityAndTheFirstIsChosen() {
    SimResourceLink link = new SimResourceLink("rl-00000001", "Data protection", null, "{\"unit\":\"data-protection\"}",
        "li-1", Instant.EPOCH);
    SimLineItem column = new SimLineItem("li-1", "Data protection", 10.0, null, null, "rl-00000001", Instant.EPOCH);
    String html = render(List.of(link), List.of(column), List.of(), Optional.empty());
    assertEquals(DemoCourse.PEOPLE.size(), count(html, "name=\"user\""));
    assertEquals(2, count(html, " checked>"), "the first person and the first activity: " + html);
    assertTrue(html.contains("<input type=\"radio\" name=\"target\" id=\"t-rl-00000001\" value=\"rl-00000001\" checked>"),
        html);
    assertTrue(html.contains("<tr><td>Data protection</td><td><code>{\"unit\":\"data-protection\"}</code>"
        + "</td><td>Data protection (max 10)</td></tr>"), html);
    assertTrue(html.contains("<p>Nothing yet.</p>"));
    assertFalse(html.contains("<iframe"), "no tool before a launch");
  }

  @Test
  void whatTheToolSentIsText() {
    SimResourceLink link = new SimResourceLink("rl-\"x", SCRIPT, null, "{\"a\":\"" + SCRIPT + "\"}", null,
        Instant.EPOCH);
    String html = render(List.of(link), List.of(),
        List.of(new SimReceived("Score", SCRIPT, Instant.EPOCH)), Optional.empty());
    assertTrue(html.contains("<tr><td>" + SCRIPT_AS_TEXT + "</td>"), html);
    assertTrue(html.contains("<li><strong>Score</strong> " + SCRIPT_AS_TEXT + " <span class=\"meta\">"), html);
    assertTrue(html.contains("id=\"t-rl-&#34;x\" value=\"rl-&#34;x\""), html);
    assertFalse(html.contains("<script>"), html);

    String added = Templates.render("simulator/deepLinkReturn.jte",
        new DeepLinkReturnResource.View("1 activity(ies) added", List.of(SCRIPT)));
    assertTrue(added.contains("<ul class=\"added\"><li>" + SCRIPT_AS_TEXT + "</li></ul>"), added);
  }

  @Test
  void afterALaunchTheToolOpensInAnIframe() {
    SimLaunch launch = new SimLaunch("la-1", "u-student", "LtiResourceLinkRequest", "rl-1", "en", Instant.EPOCH);
    String html = render(List.of(), List.of(), List.of(), Optional.of(launch));
    assertTrue(html.contains("<iframe class=\"tool\" title=\"SoMe@Work\" src=\"/simulator/frame/la-1\"></iframe>"), html);
  }

  @Test
  void theGradebookShowsEachColumnsScoresAsText() {
    SimLineItem column = new SimLineItem("li-1", "Unit 1 reflection", 20.0, null, null, "rl-module", Instant.EPOCH);
    SimScore graded = new SimScore("li-1", "sim-student-aino", Instant.EPOCH);
    graded.take(17.5, 20, SCRIPT, "Completed", "FullyGraded", Instant.parse("2026-02-02T08:00:00Z"),
        "2026-02-02T08:00:00.000+00:00", Instant.EPOCH);
    SimScore pending = new SimScore("li-1", "sim-student-sam", Instant.EPOCH);
    pending.take(5.0, 20, null, "Submitted", "PendingManual", Instant.parse("2026-02-02T08:00:00Z"),
        "2026-02-02T08:00:00.000+00:00", Instant.EPOCH);
    SimulatorPage.View view = SimulatorPage.view(new SimulatedPlatform("http://localhost:8080"), Optional.empty(),
        List.of(), List.of(column), List.of(), List.of(graded, pending));
    String html = Templates.render("simulator/simulator.jte", view);
    assertTrue(html.contains("<h3>Unit 1 reflection <span class=\"meta\">(max 20)</span></h3>"), html);
    assertTrue(html.contains("<tr><td>Aino Virtanen</td><td>17.5 / 20</td><td>Completed</td><td>FullyGraded</td><td>"
        + SCRIPT_AS_TEXT + "</td><td>2026-02-02T08:00:00.000+00:00</td><td>"), html);
    // a score that is not FullyGraded keeps no points, as in Moodle
    assertTrue(html.contains("<tr><td>Sam Taylor</td><td>— / 20</td><td>Submitted</td><td>PendingManual</td><td></td>"), html);
    assertFalse(html.contains("<script>"), html);
  }

  @Test
  void eachScoreRowOffersToReviewThatLearnersSubmission() {
    SimLineItem column = new SimLineItem("li-1", "Unit 1 reflection", 20.0, null, null, "rl-module", Instant.EPOCH);
    SimScore pending = new SimScore("li-1", "sim-student-sam", Instant.EPOCH);
    pending.take(null, 20, null, "Submitted", "PendingManual", Instant.parse("2026-02-02T08:00:00Z"),
        "2026-02-02T08:00:00.000+00:00", Instant.EPOCH);
    String html = Templates.render("simulator/simulator.jte", SimulatorPage.view(
        new SimulatedPlatform("http://localhost:8080"), Optional.empty(), List.of(), List.of(column), List.of(),
        List.of(pending)));
    // LTI Submission Review Service 1.0: the platform's review action posts the column and the learner
    assertTrue(html.contains("<form method=\"post\" action=\"/simulator/review\" class=\"sim-review\">"
        + "<input type=\"hidden\" name=\"lineItem\" value=\"li-1\">"
        + "<input type=\"hidden\" name=\"user\" value=\"sim-student-sam\">"), html);
    assertTrue(html.contains("aria-label=\"Review submission of Sam Taylor\""), html);
  }

  @Test
  void anEmptyGradebookSaysSo() {
    assertTrue(render(List.of(), List.of(), List.of(), Optional.empty()).contains("<p>No gradebook columns yet.</p>"));
  }

  @Test
  void theReceivedListSaysHowManyOfEachKindArrivedInAll() {
    String html = Templates.render("simulator/simulator.jte", SimulatorPage.view(
        new SimulatedPlatform("http://localhost:8080"), Optional.empty(), List.of(), List.of(),
        List.of(new SimReceived("Score", "sim-learner-7 on Data protection: 12/14", Instant.EPOCH)), List.of(),
        List.of(), new java.util.TreeMap<>(java.util.Map.of("Score", 2500L, "Score IGNORED", 1L))));
    assertTrue(html.contains("<p class=\"received-counts\">In all: <span data-kind=\"Score\">Score 2500</span>,"
        + " <span data-kind=\"Score IGNORED\">Score IGNORED 1</span></p>"), html);
    String nothing = render(List.of(), List.of(), List.of(), Optional.empty());
    assertFalse(nothing.contains("received-counts"), "no counts before anything arrived");
  }

  private static String render(List<SimResourceLink> links, List<SimLineItem> items, List<SimReceived> received,
      Optional<SimLaunch> launch) {
    SimulatorPage.View view = SimulatorPage.view(new SimulatedPlatform("http://localhost:8080"), launch, links, items,
        received);
    return Templates.render("simulator/simulator.jte", view);
  }

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }
}
