package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The simulator's demo course driven over HTTP as its people use it: the teacher places a unit as
 * a graded activity through Deep Linking, a learner launches it and submits a reflection.
 */
final class SimulatorCourse {
  private static final String TOOL = MockPlatforms.TOOL;

  private SimulatorCourse() {}

  /**
   * The teacher's Deep Linking choice of {@code unit}, graded: the tool's page that posts the
   * signed response to the platform (its hidden {@code JWT} field), not yet sent.
   */
  static Browser.Page chooseGradedUnit(Browser teacher, String unit) throws Exception {
    Browser.Page catalogue = SimulatorFlowIT.launchFromSimulator(teacher, "sim-teacher-maria", "deep-linking", "en");
    assertEquals(200, catalogue.status(), catalogue.body());
    return teacher.postRaw(TOOL + "/app/deep-linking",
        Browser.encode(Map.of("s", Browser.hiddenFields(catalogue).get("s"), "action", "add"))
            + "&unit=" + unit + "&graded=" + unit);
  }

  /** Sends the teacher's choice to the platform; returns the new activity's link id. */
  static String add(Browser teacher, Browser.Page toPlatform, String unit) throws Exception {
    assertTrue(teacher.submitForm(toPlatform).body().contains("1 activity(ies) added"));
    return DeepLinkingIT.linkIds(teacher.get(TOOL + "/simulator").body()).get(unit);
  }

  /** The teacher adds {@code unit} as a graded activity; returns its link id. */
  static String placeGradedUnit(String unit) throws Exception {
    Browser teacher = new Browser();
    return add(teacher, chooseGradedUnit(teacher, unit), unit);
  }

  /** The learner opens the activity {@code link} and submits {@code html} as a private reflection. */
  static void submitReflection(String learner, String link, String unit, String html) throws Exception {
    Browser browser = new Browser();
    Browser.Page page = SimulatorFlowIT.launchFromSimulator(browser, learner, link, "en");
    assertEquals(200, page.status(), page.body());
    Browser.Page saved = browser.post(TOOL + "/app/units/" + unit + "/reflection", Map.of("s", sessionOf(page),
        "html", html, "visibility", "PRIVATE", "action", "submit"));
    assertEquals(303, saved.status(), saved.body());
  }

  /** The session token in the URL of a page the tool opened after a launch. */
  static String sessionOf(Browser.Page page) {
    return URLDecoder.decode(page.url().replaceAll(".*[?&]s=([^&]*).*", "$1"), StandardCharsets.UTF_8);
  }
}
