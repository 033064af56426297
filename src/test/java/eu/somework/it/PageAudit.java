package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * What a reader with a phone, a screen reader or only a keyboard notices on a page: no sideways
 * scrolling at 320 px, the right language and direction, one h1, a main landmark, labelled form
 * controls, the main controls reachable with Tab, and no serious axe-core finding.
 */
final class PageAudit {
  static final int NARROW = 320;
  static final Path AXE = Path.of(System.getProperty("it.axe",
      "target/axe/node_modules/axe-core/axe.min.js"));

  private final Chromium chrome;

  PageAudit(Chromium chrome) {
    this.chrome = chrome;
  }

  /** Opens the address in the top-level window at 320 px and checks everything; takes a screenshot. */
  void check(String name, String url, String lang, String dir, String... keyboardTargets) {
    chrome.driver.switchTo().defaultContent();
    chrome.viewport(NARROW, 900);
    chrome.driver.get(url);
    checkCurrent(name, lang, dir, keyboardTargets);
  }

  /** The same checks on the page the window shows now. */
  void checkCurrent(String name, String lang, String dir, String... keyboardTargets) {
    chrome.viewport(NARROW, 900);
    assertEquals(NARROW, ((Number) chrome.script("return window.innerWidth")).intValue(), "viewport width");
    chrome.screenshot(name + "-320");
    assertEquals(lang, chrome.script("return document.documentElement.lang"), name + ": <html lang>");
    assertEquals(dir, chrome.script("return document.documentElement.dir"), name + ": <html dir>");
    assertNoSidewaysScroll(name);
    assertEquals(1L, chrome.script("return document.querySelectorAll('h1').length"), name + ": exactly one h1");
    assertEquals(1L, chrome.script("return document.querySelectorAll('main, [role=main]').length"),
        name + ": one main landmark");
    assertEquals(List.of(), chrome.script(UNLABELLED), name + ": form controls without a label");
    assertReachableByTab(name, keyboardTargets);
    assertNoSeriousAxeViolations(name);
    chrome.desktopViewport();
  }

  private void assertNoSidewaysScroll(String name) {
    Object overflow = chrome.script("""
        const root = document.documentElement;
        if (root.scrollWidth <= root.clientWidth) return null;
        const wide = Array.from(document.querySelectorAll('body *')).filter(e => {
          const r = e.getBoundingClientRect();
          return r.right > root.clientWidth + 0.5 || r.left < -0.5;
        }).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
            + ' ' + Math.round(e.getBoundingClientRect().width) + 'px');
        return root.scrollWidth + ' > ' + root.clientWidth + ': ' + wide.join(', ');
        """);
    if (overflow != null) {
      fail(name + ": the page scrolls sideways at " + NARROW + " px: " + overflow);
    }
  }

  /** Presses Tab from the top of the page until each target (a CSS selector) has had the focus. */
  private void assertReachableByTab(String name, String... targets) {
    chrome.script("window.scrollTo(0, 0); if (document.activeElement) document.activeElement.blur();");
    Set<String> missing = new LinkedHashSet<>(List.of(targets));
    for (String target : targets) {
      assertEquals(Boolean.TRUE, chrome.script("return document.querySelector(arguments[0]) !== null", target),
          name + ": no element " + target);
    }
    List<String> path = new ArrayList<>();
    for (int presses = 0; presses < 60 && !missing.isEmpty(); presses++) {
      new Actions(chrome.driver).sendKeys(Keys.TAB).perform();
      missing.removeIf(t -> Boolean.TRUE.equals(
          chrome.script("return document.activeElement === document.querySelector(arguments[0])", t)));
      path.add(String.valueOf(chrome.script(
          "const e = document.activeElement; return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')")));
    }
    assertTrue(missing.isEmpty(), name + ": Tab never reached " + missing + "; focus went " + path);
  }

  private void assertNoSeriousAxeViolations(String name) {
    if (!Files.isRegularFile(AXE)) {
      fail("axe-core is missing at " + AXE + ": the build installs it with npm in pre-integration-test"
          + " (mvn verify), which needs Node.js and npm (.ci/run installs them)");
    }
    String axe;
    try {
      axe = Files.readString(AXE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    chrome.script(axe);
    Object found = chrome.driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target).join(' | '))))
          .catch(e => done(['axe failed: ' + e]));
        """);
    assertEquals(List.of(), found, name + ": serious or critical axe-core findings");
  }

  private static final String UNLABELLED = """
      return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea, button'))
        .filter(e => {
          if ((e.getAttribute('aria-label') || '').trim()) return false;
          const by = e.getAttribute('aria-labelledby');
          if (by && by.split(/\\s+/).some(id => (document.getElementById(id)?.textContent || '').trim())) return false;
          if (e.tagName === 'BUTTON') return !e.textContent.trim();
          return !Array.from(e.labels || []).some(l => l.textContent.trim());
        })
        .map(e => e.outerHTML.slice(0, 120));
      """;
}
