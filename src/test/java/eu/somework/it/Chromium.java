package eu.somework.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), with a fresh
 * profile that is deleted on close. Started once per test class: a start costs about a second.
 */
final class Chromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of(System.getProperty("it.screenshots", "target/screenshots"));

  final ChromeDriver driver;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A browser as people have it by default. */
  static Chromium start() {
    return start(Map.of());
  }

  /** A browser that blocks third-party cookies, as Safari, Firefox and privacy settings do. */
  static Chromium blockingThirdPartyCookies() {
    return start(Map.of("profile.cookie_controls_mode", 1, "profile.block_third_party_cookies", true));
  }

  /** A browser told to allow them: the control that shows the blocking setting is what matters. */
  static Chromium allowingThirdPartyCookies() {
    return start(Map.of("profile.cookie_controls_mode", 0, "profile.block_third_party_cookies", false));
  }

  private static Chromium start(Map<String, Object> cookiePrefs) {
    if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException("The browser tests need Debian's Chromium and its driver at " + BINARY
          + " and " + DRIVER + ": apt-get install -y chromium chromium-driver (.ci/run does this)");
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("somework-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toString());
    // as root, on a machine without a display or outside network
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-US");
    if (!cookiePrefs.isEmpty()) {
      options.setExperimentalOption("prefs", new LinkedHashMap<>(cookiePrefs));
    }
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
    return new Chromium(driver, profile);
  }

  WebDriverWait await() {
    return new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  /** Waits until an element is there and visible, and returns it. */
  WebElement visible(By by) {
    return await().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  /** Lays the page out as a phone of this CSS width shows it (the window itself cannot be that narrow). */
  void viewport(int width, int height) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
  }

  /** Forgets every cookie, partitioned ones too, as a new browser would. */
  void clearCookies() {
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
  }

  void desktopViewport() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  /** A picture of the viewport for people to look at; nothing asserts on it. */
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a leftover temp profile is harmless; the test result is what matters
      }
    }
  }
}
