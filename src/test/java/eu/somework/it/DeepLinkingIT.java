package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

/**
 * A teacher adds units to the demo course by Deep Linking; the simulator verifies the signed
 * answer with the tool's published keys and creates the activities and gradebook columns; students
 * then open those units in their own language.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeepLinkingIT {
  static final String TOOL = MockPlatforms.TOOL;

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @Test
  void teacherAddsThreeUnitsTwoGradedAndStudentsReadThemInTheirLanguage() throws Exception {
    Browser teacher = new Browser();
    Browser.Page catalogue = SimulatorFlowIT.launchFromSimulator(teacher, "sim-teacher-maria", "deep-linking", "en");
    assertEquals(200, catalogue.status(), catalogue.body());
    assertTrue(catalogue.url().contains("/app/deep-linking"), catalogue.url());
    assertTrue(catalogue.body().contains("value=\"data-protection\""), catalogue.body());

    String body = Browser.encode(Map.of("s", Browser.hiddenFields(catalogue).get("s"), "action", "add"))
        + "&unit=data-protection&unit=loyalty-and-confidentiality&unit=digital-identity"
        + "&graded=data-protection&graded=loyalty-and-confidentiality";
    Browser.Page toPlatform = teacher.postRaw(TOOL + "/app/deep-linking", body);
    assertEquals(200, toPlatform.status(), toPlatform.body());
    Browser.Page added = teacher.submitForm(toPlatform); // the JWT goes to the simulator's return URL
    assertEquals(200, added.status(), added.body());
    assertTrue(added.body().contains("3 activity(ies) added"), added.body());
    Browser.Page replayed = teacher.submitForm(toPlatform);
    assertEquals(400, replayed.status(), "the same response a second time: " + replayed.body());
    assertTrue(replayed.body().contains("received before"), replayed.body());

    Browser.Page course = teacher.get(TOOL + "/simulator");
    int dataProtectionMax = maxPoints("data-protection");
    assertTrue(course.body().contains("(max " + dataProtectionMax + ")"), course.body());
    // element text: the template escapes <, > and &, and leaves quotes as they are
    assertTrue(course.body().contains("<code>{\"unit\":\"data-protection\"}</code>"), course.body());

    Map<String, String> links = linkIds(course.body());
    assertEquals(1, course.body().split("<code>\\{\"unit\":\"digital-identity\"}</code>", -1).length - 1,
        "the replayed response added nothing: " + course.body());
    String dataProtection = links.get("data-protection");
    Browser.Page finnish = SimulatorFlowIT.launchFromSimulator(new Browser(), "sim-student-aino", dataProtection, "fi-FI");
    assertEquals(200, finnish.status(), finnish.body());
    assertTrue(finnish.body().contains("<html lang=\"fi\" dir=\"ltr\">"), finnish.body());
    assertTrue(finnish.body().contains(title("data-protection", "fi")), finnish.body());

    Browser.Page polish = SimulatorFlowIT.launchFromSimulator(new Browser(), "sim-student-zofia",
        links.get("loyalty-and-confidentiality"), "pl_PL");
    assertTrue(polish.body().contains("<html lang=\"pl\" dir=\"ltr\">"), polish.body());
    assertTrue(polish.body().contains(title("loyalty-and-confidentiality", "pl")));

    Browser.Page arabic = SimulatorFlowIT.launchFromSimulator(new Browser(), "sim-student-layla",
        links.get("digital-identity"), "ar");
    assertTrue(arabic.body().contains("<html lang=\"ar\" dir=\"rtl\">"), arabic.body());
    assertTrue(arabic.body().contains(title("digital-identity", "ar")));
  }

  @Test
  void aStudentCannotOpenTheCatalogue() throws Exception {
    Browser.Page page = SimulatorFlowIT.launchFromSimulator(new Browser(), "sim-student-sam", "deep-linking", "en");
    assertEquals(403, page.status(), page.body());
    assertTrue(page.body().contains("Only teachers can add units"), page.body());
  }

  @Test
  void choosingNothingExplainsWhatToDo() throws Exception {
    Browser teacher = new Browser();
    Browser.Page catalogue = SimulatorFlowIT.launchFromSimulator(teacher, "sim-teacher-maria", "deep-linking", "en");
    Browser.Page page = teacher.postRaw(TOOL + "/app/deep-linking",
        Browser.encode(Map.of("s", Browser.hiddenFields(catalogue).get("s"), "action", "add")));
    assertEquals(400, page.status());
    assertTrue(page.body().contains("role=\"alert\""), page.body());
  }

  @Test
  void anUnknownUnitGetsAClearPageNotAServerError() throws Exception {
    Browser student = new Browser();
    Browser.Page landing = SimulatorFlowIT.launchFromSimulator(student, "sim-student-sam", "rl-module", "en");
    String token = landing.url().replaceAll(".*[?&]s=([^&]*).*", "$1");
    Browser.Page page = student.get(TOOL + "/app/units/no-such-unit?s=" + token);
    assertEquals(404, page.status(), page.body());
    assertTrue(page.body().contains("no-such-unit") || page.body().contains("no such"), page.body());
  }

  static Map<String, String> linkIds(String simulatorPage) {
    // the simulator lists each activity's radio button (value = link id) and its custom parameters
    Map<String, String> ids = new LinkedHashMap<>();
    Matcher rows = Pattern.compile("<tr><td>[^<]*</td><td><code>\\{\"unit\":\"([a-z-]+)\"\\}</code>")
        .matcher(simulatorPage);
    Matcher radios = Pattern.compile("name=\"target\" id=\"t-(rl-[0-9a-f]{8})\"").matcher(simulatorPage);
    java.util.List<String> units = new java.util.ArrayList<>();
    while (rows.find()) {
      units.add(rows.group(1));
    }
    java.util.List<String> linkIds = new java.util.ArrayList<>();
    while (radios.find()) {
      linkIds.add(radios.group(1));
    }
    for (int i = 0; i < units.size(); i++) {
      ids.put(units.get(i), linkIds.get(i));
    }
    return ids;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> unitYaml(String unit) throws Exception {
    return new Yaml().load(Files.readString(Path.of(System.getProperty("it.content.dir"), unit, "unit.yaml")));
  }

  private static int maxPoints(String unit) throws Exception {
    return (Integer) ((Map<String, Object>) unitYaml(unit).get("reflection")).get("maxPoints");
  }

  @SuppressWarnings("unchecked")
  private static String title(String unit, String language) throws Exception {
    Map<String, Object> text = (Map<String, Object>) ((Map<String, Object>) unitYaml(unit).get("text")).get(language);
    return org.owasp.encoder.Encode.forHtmlContent((String) text.get("title"));
  }
}
