package eu.somework.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The pages a launch leads to, in Chromium on a 320 px wide screen: readable without sideways
 * scrolling, in the right language and direction, with landmarks, labels and keyboard access
 * (see {@link PageAudit}). Screenshots land in target/screenshots/.
 */
@ExtendWith({ArquillianExtension.class, ChromiumPerClass.class})
@RunAsClient
class PageLayoutIT {
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

  @Test
  void moduleOverview() {
    simulator.launch("sim-student-sam", "rl-module", "en");
    audit.check("module-overview-en", simulator.frameUrl(), "en", "ltr",
        "#language-select", "form.language button", "ol.units a");
  }

  @Test
  void finnishUnit() {
    simulator.launch("sim-student-aino", "rl-module", "fi-FI");
    audit.check("unit-fi", firstUnitAddress(), "fi", "ltr", "#language-select", "form.language button");
  }

  @Test
  void arabicUnitIsRightToLeft() {
    simulator.launch("sim-student-layla", "rl-module", "ar");
    audit.check("unit-ar", firstUnitAddress(), "ar", "rtl", "#language-select", "form.language button");
  }

  @Test
  void deepLinkingCatalogue() {
    simulator.launch("sim-teacher-maria", "deep-linking", "en");
    audit.check("deep-linking-catalogue-en", simulator.frameUrl(), "en", "ltr",
        "input[name=unit]", "button[value=add]");
  }

  @Test
  void errorPageOfALaunchWithoutItsCookie() throws Exception {
    String authorization = SimulatorScreen.authorizationWithoutBrowserCookie("sim-student-sam");
    chrome.driver.switchTo().defaultContent();
    chrome.clearCookies(); // a browser that never had the state cookie of this login
    chrome.viewport(PageAudit.NARROW, 900);
    chrome.driver.get(authorization); // auto-posts the id_token to the tool, which finds no state cookie
    chrome.visible(By.cssSelector("section.error h1"));
    audit.checkCurrent("error-cookie-missing-en", "en", "ltr", "section.error a.button");
  }

  private static String firstUnitAddress() {
    return chrome.visible(By.cssSelector("ol.units a")).getAttribute("href");
  }
}
