package eu.somework.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a learner's browser receives from a unit text: nothing executable, headings to link to. */
class UnitMarkdownTest {
  private final UnitMarkdown markdown = new UnitMarkdown();

  @Test
  void rawHtmlInTheTextIsShownAsTextNotRun() {
    String html = markdown.render("# T\n\nHello <script>alert(1)</script> and <b>bold</b>\n\n<iframe src=x></iframe>\n",
        "u");
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("<iframe"), html);
    assertFalse(html.contains("<b>"), html);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
  }

  @Test
  void javascriptAndDataLinksLoseTheirTarget() {
    String html = markdown.render("# T\n\n[a](javascript:alert(1)) [b](JAVASCRIPT:alert(2)) <javascript:alert(3)>"
        + " [c](data:text/html,x) ![d](javascript:alert(4))\n", "u");
    String lower = html.toLowerCase(java.util.Locale.ROOT);
    assertFalse(lower.contains("href=\"javascript") || lower.contains("src=\"javascript"), html);
    assertFalse(html.contains("href=\"data:"), html);
    assertEquals(4, html.split("href=\"\"", -1).length - 1, "every link kept its text but lost its target: " + html);
  }

  @Test
  void httpsLinksStayAndOpenOutsideTheFrame() {
    String html = markdown.render("# T\n\n[GDPR](https://eur-lex.europa.eu/eli/reg/2016/679/oj)\n", "u");
    assertTrue(html.contains("href=\"https://eur-lex.europa.eu/eli/reg/2016/679/oj\""), html);
    assertTrue(html.contains("target=\"_blank\""), html);
  }

  @Test
  void unitFilesPointWhereTheToolServesThem() {
    String html = markdown.render("# T\n\n![diagram](images/flow.png)\n", "data-protection");
    assertTrue(html.contains("src=\"/content/data-protection/images/flow.png\""), html);
  }

  @Test
  void headingsGetUniqueIdsInAnyScriptAndTheTitleIsLeftToThePage() {
    String html = markdown.render("# Title\n\n## Zasady RODO\n\n## Zasady RODO\n\n## المبادئ في العمل\n\n## Task\n",
        "u");
    assertFalse(html.contains("<h1"), html);
    assertTrue(html.contains("<h2 id=\"zasady-rodo\">"), html);
    assertTrue(html.contains("<h2 id=\"zasady-rodo-2\">"), html);
    assertTrue(html.contains("<h2 id=\"المبادئ-في-العمل\">"), html);
    assertTrue(html.contains("<h2 id=\"task-2\">"), "ids the page uses itself are not reused: " + html);
  }

  @Test
  void selfCheckBecomesDetailsWithEveryTextEscaped() {
    String html = markdown.render("# T\n\n## Check\n\n```self-check\nQ: Is <b>this</b> safe?\nA: Yes & <i>no</i>.\n```\n",
        "u");
    assertTrue(html.contains("<details class=\"self-check\"><summary>Is &lt;b&gt;this&lt;/b&gt; safe?</summary>"
        + "<p>Yes &amp; &lt;i&gt;no&lt;/i&gt;.</p></details>"), html);
  }

  @Test
  void otherCodeBlocksStayCode() {
    String html = markdown.render("# T\n\n```text\n<not a tag>\n```\n", "u");
    assertEquals("<pre><code class=\"language-text\">&lt;not a tag&gt;\n</code></pre>\n", html);
  }
}
