package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The grading pages in Chromium, launched from the simulator's demo course: a student submits in
 * the editor, the teacher opens the unit's grading list and the student's marking form, chooses
 * rubric levels with the keyboard and sees the running total follow; both pages pass the layout,
 * label, keyboard and axe-core checks at 320 px ({@link PageAudit}).
 */
@ExtendWith({ArquillianExtension.class, ChromiumPerClass.class})
@RunAsClient
class GradingPageIT {
  private static final String UNIT = "data-protection";
  private static Chromium chrome;
  private static SimulatorScreen simulator;
  private static PageAudit audit;

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @BeforeAll
  static void startBrowser() {
    simulator = new SimulatorScreen(chrome, MockPlatforms.TOOL);
    audit = new PageAudit(chrome);
  }

  /** The session token of the page the frame shows. */
  private static String token() {
    String query = URI.create(simulator.frameUrl()).getRawQuery();
    for (String pair : query.split("&")) {
      if (pair.startsWith("s=")) {
        return pair.substring(2);
      }
    }
    throw new AssertionError("no session token in " + simulator.frameUrl());
  }

  @Test
  void aTeacherMarksWithTheKeyboardAndTheTotalFollows() {
    simulator.launch("sim-student-sam", "rl-module", "en");
    String student = token();
    chrome.driver.switchTo().defaultContent();
    chrome.driver.get(MockPlatforms.TOOL + "/app/units/" + UNIT + "/reflection?s=" + student);
    WebElement editor = chrome.visible(By.id("editor"));
    editor.click();
    editor.sendKeys("Sam's reflection on photos from the team event.");
    chrome.visible(By.cssSelector("button[value=submit]")).click();
    chrome.await().until(d -> "Submitted".equals(chrome.script(
        "const f = document.querySelector('[data-fact=reflection-status]'); return f && f.textContent")));

    simulator.launch("sim-teacher-maria", "rl-module", "en");
    String teacher = token();
    audit.check("grading-list-en", MockPlatforms.TOOL + "/app/grading/" + UNIT + "?s=" + teacher, "en", "ltr",
        "table.grading a");
    WebElement row = chrome.visible(By.cssSelector("tr:has([data-status=SUBMITTED])"));
    assertTrue(row.getText().contains("Sam"), row.getText());
    row.findElement(By.cssSelector("a")).click();

    WebElement total = chrome.visible(By.id("grading-total"));
    assertEquals("0 / 14 points", total.getText());
    WebElement first = chrome.visible(By.id("c-principles-0"));
    first.sendKeys(Keys.SPACE); // 0 points chosen
    first.sendKeys(Keys.ARROW_DOWN); // the next level of the same group: 2 points
    chrome.await().until(d -> "2 / 14 points".equals(total.getText()));
    chrome.visible(By.id("c-expression-0")).sendKeys(Keys.SPACE, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    chrome.await().until(d -> "4 / 14 points".equals(total.getText()));
    audit.checkCurrent("grading-form-en", "en", "ltr", "#c-security-0", "textarea[name='comment.security']", "#feedback", "#note",
        "button[value=release]");
  }
}
