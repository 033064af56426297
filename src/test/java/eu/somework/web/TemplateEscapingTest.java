package eu.somework.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hostile text shows as text in the shared templates (layout, error page, auto-post form), with the
 * real, precompiled template engine: element text, attribute values and links each escaped for
 * their context.
 */
class TemplateEscapingTest {
  static final String SCRIPT = "\"><script>alert(1)</script>";

  @Test
  void aReasonWithMarkupIsShownAsText() {
    String html = errorPage(SCRIPT, Optional.empty());
    assertTrue(html.contains("<p class=\"reason\">\"&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>"), html);
    assertFalse(html.contains("<script>"), html);
  }

  @Test
  void aLinkWithQuotesStaysInsideItsHrefAndAScriptLinkIsDropped() {
    String quoted = errorPage("x", Optional.of("https://tool.example/lti/login?x=\" onclick=\"alert(1)"));
    assertTrue(quoted.contains("href=\"https://tool.example/lti/login?x=&#34; onclick=&#34;alert(1)\""), quoted);
    String script = errorPage("x", Optional.of("javascript:alert(1)"));
    assertFalse(script.contains("javascript:"), script);
    assertTrue(script.contains("<a class=\"button\" target=\"_blank\" rel=\"noopener\" href=\"\">"), script);
  }

  @Test
  void theLayoutEscapesTheTitle() {
    String html = Templates.render("web/page.jte", Map.of("language", UiLanguage.EN, "title", "</title><script>x</script>",
        "main", (gg.jte.Content) output -> output.writeUserContent("<b>main</b>")));
    assertTrue(html.contains("<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; — SoMe@Work</title>"), html);
    assertTrue(html.contains("&lt;b&gt;main&lt;/b&gt;"), html);
  }

  @Test
  void hiddenFieldsOfAnAutoPostKeepTheirValueInsideTheAttribute() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("lti_message_hint", "{\"launchid\":\"a'b\"}");
    fields.put("x\"><script>", SCRIPT);
    String html = AutoPost.page("https://lms.example/auth?a=1&b=2", fields, "Continue <now>");
    assertTrue(html.contains("action=\"https://lms.example/auth?a=1&amp;b=2\""), html);
    assertTrue(html.contains("<input type=\"hidden\" name=\"lti_message_hint\" value=\"{&#34;launchid&#34;:&#34;a&#39;b&#34;}\">"),
        html);
    assertTrue(html.contains("<input type=\"hidden\" name=\"x&#34;>&lt;script>\" value=\"&#34;>&lt;script>alert(1)&lt;/script>\">"),
        html);
    assertTrue(html.contains("<button type=\"submit\">Continue &lt;now&gt;</button>"), html);
    assertEquals(1, html.split("<script", -1).length - 1, "only the static autosubmit.js: " + html);
  }

  private static String errorPage(String message, Optional<String> newWindowUrl) {
    Response response = ErrorPage.build(null, 400, "STATE_COOKIE_MISSING", message, "abc123", newWindowUrl);
    return (String) response.getEntity();
  }
}
