package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import eu.somework.reflection.XssPayloads;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * The reflection editor in a real Chromium, launched from the simulator into the LMS frame: typing
 * with the toolbar, the live word count, autosave that survives a reload, submitting, and XSS
 * payloads — pasted, or sent straight to the autosave as a hostile script would — producing no
 * dialog and no element beyond the editor's formatting. Also the page audit (320 px, labels,
 * keyboard, axe-core) of the editor.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReflectionEditorIT {
  private static Chromium chrome;
  private static SimulatorScreen simulator;

  /** Elements or attributes that would mean the page runs or loads something it should not. */
  private static final String INJECTED = """
      const found = [];
      document.querySelectorAll('#editor *, .reflection-text *').forEach(e => {
        if (!['P','BR','STRONG','B','EM','I','UL','OL','LI','A','BLOCKQUOTE','DIV','SPAN'].includes(e.tagName)) {
          found.push(e.tagName.toLowerCase());
        }
        for (const a of e.attributes) {
          if (/^on/i.test(a.name) || a.name === 'style' || a.name === 'src' || a.name === 'srcdoc'
              || (a.name === 'href' && !/^(https?:|mailto:)/i.test(a.value.trim()))) {
            found.push(e.tagName.toLowerCase() + '[' + a.name + '=' + a.value + ']');
          }
        }
      });
      document.querySelectorAll('script').forEach(s => {
        if (!s.src || !s.src.endsWith('/static/reflection-editor.js')) found.push('script ' + (s.src || s.textContent));
      });
      if (window.xssRan) found.push('a payload ran');
      return found;
      """;

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @BeforeAll
  static void startBrowser() {
    chrome = Chromium.start();
    simulator = new SimulatorScreen(chrome, MockPlatforms.TOOL);
  }

  @AfterAll
  static void stopBrowser() {
    if (chrome != null) {
      chrome.close();
    }
  }

  /** Launches Sam into the module and opens the editor through the unit page's link. */
  private void openEditor() {
    simulator.launch("sim-student-sam", "rl-module", "en");
    chrome.visible(By.cssSelector("ol.units a")).click();
    chrome.visible(By.cssSelector("a[href*='/reflection?']")).click();
    chrome.visible(By.id("editor"));
  }

  private WebElement clearedEditor() {
    WebElement editor = chrome.visible(By.id("editor"));
    editor.click();
    editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    return editor;
  }

  private void reloadFrame() {
    chrome.script("location.reload()");
    chrome.await().until(d -> Boolean.TRUE.equals(chrome.script(
        "return document.readyState === 'complete' && !!document.getElementById('editor')"
            + " && !document.querySelector('.editor-wrap').hidden")));
  }

  /** Waits until the server holds what the editor shows (the autosave has caught up). */
  private void awaitSaved() {
    chrome.await().until(d -> "saved".equals(chrome.script(
        "return document.getElementById('reflection-form').getAttribute('data-save-state')")));
    assertTrue(String.valueOf(chrome.script("return document.getElementById('save-state').textContent"))
        .startsWith("Draft saved."));
  }

  private static void assertNoDialog(String when) {
    try {
      String text = chrome.driver.switchTo().alert().getText();
      chrome.driver.switchTo().alert().dismiss();
      fail(when + ": a dialog opened: " + text);
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }

  @Test
  @Order(1)
  void typingWithTheToolbarIsCountedAutosavedAndSurvivesAReload() {
    openEditor();
    assertEquals(Boolean.TRUE, chrome.script("return document.querySelector('.source-wrap').hidden"),
        "the plain field gives way to the editor");
    WebElement editor = clearedEditor();
    editor.sendKeys("Social media at work needs care");
    chrome.driver.findElement(By.cssSelector("[data-command=bulleted]")).click();
    editor.sendKeys(Keys.END, Keys.ENTER, "Think first");
    chrome.driver.findElement(By.cssSelector("[data-command=bold]")).click();
    editor.sendKeys(" always");
    assertEquals("Words: 9", chrome.visible(By.cssSelector("#word-count .count")).getText());
    assertEquals("short", chrome.driver.findElement(By.id("word-count")).getAttribute("data-state"));

    awaitSaved();
    reloadFrame();
    String html = (String) chrome.script("return document.getElementById('editor').innerHTML");
    assertTrue(html.contains("Social media at work needs care"), html);
    assertTrue(html.contains("<li>Think first"), "the list survives: " + html);
    assertTrue(html.matches("(?s).*<(b|strong)>(\\s|&nbsp;)*always</(b|strong)>.*"), "the bold survives: " + html);
    assertEquals("Words: 9", chrome.visible(By.cssSelector("#word-count .count")).getText());
  }

  @Test
  @Order(2)
  void theEditorPassesThePageAudit() {
    openEditor();
    String url = simulator.frameUrl();
    new PageAudit(chrome).check("reflection-editor-en", url, "en", "ltr",
        "[data-command=paragraph]", "#editor", "button[value=submit]");
  }

  @Test
  @Order(3)
  void pastedPayloadsStayTextAndOpenNoDialog() {
    openEditor();
    WebElement editor = clearedEditor();
    editor.sendKeys("Pasted: ");
    for (String payload : XssPayloads.ALL) {
      chrome.script("""
          const data = new DataTransfer();
          data.setData('text/html', arguments[0]);
          data.setData('text/plain', arguments[0]);
          document.getElementById('editor').dispatchEvent(
              new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
          """, payload);
    }
    assertNoDialog("after pasting");
    assertEquals(List.of(), chrome.script(INJECTED), "injected by pasting");
    assertTrue(editor.getText().contains("<script>alert(1)</script>"), "pasted as text: " + editor.getText());
    awaitSaved();
    reloadFrame();
    assertNoDialog("after reloading the pasted draft");
    assertEquals(List.of(), chrome.script(INJECTED), "injected after the reload");
  }

  @Test
  @Order(4)
  void payloadsSentStraightToTheAutosaveAreNeutralisedWhenShown() {
    openEditor();
    Object status = chrome.driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const form = document.getElementById('reflection-form');
        const body = new URLSearchParams({html: '<p>hostile</p>' + arguments[0], visibility: 'SHARED'});
        fetch(form.getAttribute('data-autosave'), {method: 'POST', body: body,
            headers: {'X-SomeWork-Session': form.elements.s.value, 'Accept': 'application/json'}})
          .then(r => done(r.status)).catch(e => done(String(e)));
        """, String.join("", XssPayloads.ALL) + "<img src=x onerror=\"window.xssRan=1\">");
    assertEquals(200L, status);
    reloadFrame();
    assertNoDialog("after loading the hostile draft");
    assertEquals(List.of(), chrome.script(INJECTED), "injected from the stored draft");

    chrome.driver.findElement(By.cssSelector("button[value=submit]")).click();
    chrome.visible(By.cssSelector(".notice"));
    assertNoDialog("after submitting");
    assertEquals("Submitted", chrome.visible(By.cssSelector("[data-fact=reflection-status]")).getText());
    assertTrue(chrome.driver.findElement(By.cssSelector("ol.versions")).getText().contains("Version"));

    chrome.visible(By.cssSelector("nav.crumbs a[href*='/app/blog']")).click();
    chrome.visible(By.cssSelector("article.reflection-entry"));
    assertNoDialog("on the course blog");
    assertEquals(List.of(), chrome.script(INJECTED), "injected on the course blog");
  }

  @Test
  @Order(5)
  void theCourseBlogPassesThePageAudit() {
    openEditor();
    String blog = chrome.visible(By.cssSelector("nav.crumbs a[href*='/app/blog']")).getAttribute("href");
    new PageAudit(chrome).check("course-blog-en", blog, "en", "ltr", "textarea[name=text]", ".comment-form button");
  }

  @Test
  @Order(6)
  void theTeachersReadOnlyListPassesThePageAudit() {
    simulator.launch("sim-teacher-maria", "rl-module", "en");
    chrome.visible(By.cssSelector("ol.units a")).click();
    chrome.visible(By.cssSelector("a[href*='/reflection?']")).click();
    chrome.visible(By.cssSelector("article.reflection-entry"));
    assertTrue(chrome.driver.findElements(By.id("editor")).isEmpty(), "read-only");
    new PageAudit(chrome).check("reflections-teacher-en", simulator.frameUrl(), "en", "ltr", "nav.crumbs a");
  }

  @Test
  @Order(7)
  void theArabicEditorRunsRightToLeftAndPassesThePageAudit() {
    simulator.launch("sim-student-layla", "rl-module", "ar");
    chrome.visible(By.cssSelector("ol.units a")).click();
    chrome.visible(By.cssSelector("a[href*='/reflection?']")).click();
    chrome.visible(By.id("editor"));
    new PageAudit(chrome).check("reflection-editor-ar", simulator.frameUrl(), "ar", "rtl",
        "[data-command=paragraph]", "#editor", "button[value=submit]");
  }
}
