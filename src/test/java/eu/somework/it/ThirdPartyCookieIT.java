package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The tool in a cross-site iframe of a browser that blocks third-party cookies: the simulator is
 * opened as 127.0.0.1 while the tool's base URL is localhost, so for Chromium the tool is another
 * site inside the course page, as it is inside a real LMS.
 */
@ExtendWith({ArquillianExtension.class, ChromiumPerClass.class})
@ChromiumPerClass.BlockingThirdPartyCookies
@RunAsClient
class ThirdPartyCookieIT {
  static final String COURSE_SITE = MockPlatforms.TOOL.replace("//localhost:", "//127.0.0.1:");
  private static Chromium chrome;

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @Test
  void theBrowserBlocksUnpartitionedThirdPartyCookiesAndKeepsPartitionedOnes() throws Exception {
    try (CookieProbe probe = new CookieProbe(); Chromium allowing = Chromium.allowingThirdPartyCookies()) {
      String control = framedCookies(allowing, probe);
      assertTrue(control.contains("plain=1"), "control: a browser allowing them sends it: " + control);
      String blocked = framedCookies(chrome, probe);
      assertFalse(blocked.contains("plain=1"), "the unpartitioned cookie is blocked: " + blocked);
      assertTrue(blocked.contains("chips=1"), "the partitioned (CHIPS) cookie is kept: " + blocked);
    }
  }

  private static String framedCookies(Chromium browser, CookieProbe probe) {
    browser.driver.get(probe.topSite() + "/top");
    browser.await().until(d -> {
      d.switchTo().defaultContent();
      d.switchTo().frame("probe");
      return !d.findElements(By.id("cookies")).isEmpty();
    });
    String seen = browser.driver.findElement(By.id("cookies")).getText();
    browser.driver.switchTo().defaultContent();
    return seen;
  }

  @Test
  void aLaunchInACrossSiteIframeSucceedsWithThePartitionedStateCookie() {
    chrome.clearCookies();
    SimulatorScreen simulator = new SimulatorScreen(chrome, COURSE_SITE);
    simulator.launch("sim-student-sam", "rl-module", "en");
    assertTrue(simulator.frameUrl().startsWith(MockPlatforms.TOOL + "/app?"), "the frame shows the tool's site");
    assertTrue(chrome.visible(By.tagName("h1")).getText().contains("Sam Taylor"));
    assertEquals("Student", simulator.fact("role"));
    chrome.driver.switchTo().defaultContent();
    assertTrue(chrome.driver.getCurrentUrl().startsWith(COURSE_SITE + "/simulator"), "the course page's site");
    chrome.screenshot("cross-site-launch-third-party-cookies-blocked");
  }

  @Test
  void withoutTheStateCookieTheErrorPageOpensTheToolInANewWindowWhereTheLaunchCompletes() throws Exception {
    chrome.clearCookies();
    chrome.driver.get(SimulatorScreen.authorizationWithoutBrowserCookie("sim-student-sam"));
    WebElement reason = chrome.visible(By.cssSelector("section.error .reason"));
    assertTrue(reason.getText().contains("third-party cookies"), reason.getText());
    chrome.screenshot("error-state-cookie-missing");
    String course = chrome.driver.getWindowHandle();
    chrome.driver.findElement(By.cssSelector("section.error a.button")).click();
    chrome.await().until(d -> d.getWindowHandles().size() == 2);
    String opened = chrome.driver.getWindowHandles().stream().filter(h -> !h.equals(course)).findFirst().orElseThrow();
    chrome.driver.switchTo().window(opened);
    try {
      assertTrue(chrome.visible(By.tagName("h1")).getText().contains("Sam Taylor"), chrome.driver.getPageSource());
      assertEquals("Student", chrome.visible(By.cssSelector("[data-fact=role]")).getText());
    } finally {
      chrome.driver.close();
      chrome.driver.switchTo().window(course);
    }
  }

  @Test
  void aToolLinkCopiedOutOfTheFrameOpensNothingWithThirdPartyCookiesBlockedOrAllowed() {
    try (Chromium allowing = Chromium.allowingThirdPartyCookies()) {
      for (Chromium browser : java.util.List.of(chrome, allowing)) {
        browser.clearCookies();
        SimulatorScreen simulator = new SimulatorScreen(browser, COURSE_SITE);
        simulator.launch("sim-student-sam", "rl-module", "en");
        String copied = simulator.frameUrl();
        assertTrue(copied.contains("s="), copied);
        assertEquals("Student", simulator.fact("role"), "inside the course page the session works");
        browser.driver.switchTo().defaultContent();

        // the same browser, the link opened on its own (a bookmark, the history, a pasted link): the
        // session cookie belongs to the course page's partition and is not sent
        browser.driver.get(copied);
        WebElement reason = browser.visible(By.cssSelector("section.error .reason"));
        assertTrue(reason.getText().contains("another browser or window"), reason.getText());
        assertFalse(browser.driver.getPageSource().contains("Sam Taylor"));
      }
      // another browser altogether
      chrome.clearCookies();
      SimulatorScreen simulator = new SimulatorScreen(allowing, COURSE_SITE);
      simulator.launch("sim-student-sam", "rl-module", "en");
      String copied = simulator.frameUrl();
      allowing.driver.switchTo().defaultContent();
      chrome.driver.get(copied);
      assertTrue(chrome.visible(By.cssSelector("section.error .reason")).getText()
          .contains("another browser or window"));
      chrome.screenshot("copied-tool-link-refused");
    }
  }
}
