package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * In a real Chromium, a person opens the simulator, picks a student or the teacher, presses
 * Launch, and sees the tool in the course's iframe: who they are, their role, the module's units.
 */
@ExtendWith({ArquillianExtension.class, ChromiumPerClass.class})
@RunAsClient
class BrowserLaunchIT {
  private static Chromium chrome;

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @Test
  void studentLaunchShowsTheirNameRoleAndTheUnitsInTheIframe() {
    SimulatorScreen simulator = new SimulatorScreen(chrome, MockPlatforms.TOOL);
    simulator.launch("sim-student-sam", "rl-module", "en");
    assertTrue(chrome.visible(By.tagName("h1")).getText().contains("Sam Taylor"));
    assertEquals("Student", simulator.fact("role"));
    assertEquals("Social media at work (demo course)", simulator.fact("course"));
    assertUnitsListed();
    chrome.driver.switchTo().defaultContent();
    chrome.screenshot("launch-student-in-simulator");
  }

  @Test
  void teacherLaunchShowsTheTeacherRoleAndTheUnitsInTheIframe() {
    SimulatorScreen simulator = new SimulatorScreen(chrome, MockPlatforms.TOOL);
    simulator.launch("sim-teacher-maria", "rl-module", "en");
    assertTrue(chrome.visible(By.tagName("h1")).getText().contains("Maria Lind"));
    assertEquals("Teacher", simulator.fact("role"));
    assertUnitsListed();
    chrome.driver.switchTo().defaultContent();
    chrome.screenshot("launch-teacher-in-simulator");
  }

  private static void assertUnitsListed() {
    List<WebElement> units = chrome.driver.findElements(By.cssSelector("ol.units > li h3 a"));
    assertEquals(ModuleUnits.count(), units.size(), "one link per unit of module-content/");
    units.forEach(u -> assertTrue(u.isDisplayed() && !u.getText().isBlank(), "unit link shown: " + u.getText()));
  }
}
