package eu.somework.it;

import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The simulator page as a person uses it in Chromium: pick who launches, a language and what to
 * open, press Launch, and look into the iframe where the course shows the tool.
 */
final class SimulatorScreen {
  private final Chromium chrome;
  private final String origin;

  /** @param origin where the simulator page is opened, e.g. http://127.0.0.1:port for a cross-site frame */
  SimulatorScreen(Chromium chrome, String origin) {
    this.chrome = chrome;
    this.origin = origin;
  }

  /** Launches and switches into the tool's iframe once the tool's page has a main landmark. */
  void launch(String user, String target, String locale) {
    open(user, target, locale);
    chrome.driver.findElement(By.cssSelector("form.sim-launch button[type=submit]")).click();
    awaitTool();
  }

  /**
   * Launches through the registration of {@code clientId} (one the simulator registered through
   * Dynamic Registration) and switches into the frame once the tool answered with a page: its
   * landing page, or the page that says why it refused.
   */
  void launchAs(String clientId, String user, String target) {
    open(user, target, "en");
    new Select(chrome.driver.findElement(By.id("client"))).selectByValue(clientId);
    chrome.driver.findElement(By.cssSelector("form.sim-launch button[type=submit]")).click();
    WebElement frame = chrome.visible(By.cssSelector("iframe.tool"));
    chrome.await().until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(frame));
    chrome.await().until(d -> !((String) chrome.script("return location.href")).contains("/simulator/")
        && !d.findElements(By.cssSelector("main h1")).isEmpty());
  }

  private void open(String user, String target, String locale) {
    chrome.driver.switchTo().defaultContent();
    chrome.driver.get(origin + "/simulator");
    chrome.driver.findElement(By.id("u-" + user)).click();
    new Select(chrome.driver.findElement(By.id("locale"))).selectByValue(locale);
    chrome.driver.findElement(By.cssSelector("input[name=target][value='" + target + "']")).click();
  }

  private void awaitTool() {
    WebElement frame = chrome.visible(By.cssSelector("iframe.tool"));
    chrome.await().until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(frame));
    // the frame passes through the login, the platform's authorization and the launch
    chrome.await().until(d -> {
      String href = (String) chrome.script("return location.href");
      return (href.contains("/app") || href.contains("/lti/launch"))
          && !d.findElements(By.cssSelector("main h1")).isEmpty();
    });
  }

  /** The address of the page shown in the frame (carries the session token, as links do). */
  String frameUrl() {
    return (String) chrome.script("return location.href");
  }

  String fact(String name) {
    return chrome.visible(By.cssSelector("[data-fact='" + name + "']")).getText();
  }

  /**
   * The platform's authorization address of a launch whose login another client started: a browser
   * that opens it posts the id_token without the state cookie, as one that dropped the cookie does.
   */
  static String authorizationWithoutBrowserCookie(String user) throws Exception {
    Browser other = new Browser();
    Browser.Page page = other.follow(other.post(MockPlatforms.TOOL + "/simulator/launch",
        Map.of("user", user, "target", "rl-module", "locale", "en")));
    String frame = page.body().replaceAll("(?s).*<iframe[^>]*src=\"([^\"]*)\".*", "$1");
    Browser.Page login = other.get(MockPlatforms.TOOL + frame);
    Browser.Page redirect = other.post(MockPlatforms.TOOL + "/lti/login", Browser.hiddenFields(login));
    if (redirect.status() != 302) {
      throw new AssertionError("login initiation answered " + redirect.status() + ": " + redirect.body());
    }
    return redirect.header("Location");
  }
}
