package eu.somework.reflection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reflection HTML on the way in: what the editor makes is kept, anything executable is not. */
class ReflectionHtmlTest {
  static Stream<String> payloads() {
    return XssPayloads.ALL.stream();
  }

  @Test
  void thereAreAtLeastFiftyDistinctPayloads() {
    assertTrue(Set.copyOf(XssPayloads.ALL).size() >= 50, "payloads: " + XssPayloads.ALL.size());
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void aKnownXssPayloadLeavesNothingExecutable(String payload) {
    String stored = ReflectionHtml.sanitise("<p>before</p>" + payload + "<p>after</p>").html();
    XssPayloads.assertNothingExecutable(stored, payload);
    // and as a browser would re-read the stored text inside other markup
    XssPayloads.assertNothingExecutable(ReflectionHtml.fromStorage(stored).html(), payload);
  }

  @Test
  void theEditorsFormattingIsKept() {
    String html = "<p>One <strong>bold</strong> and <em>italic</em>, <b>b</b> <i>i</i>.</p>"
        + "<ul><li>a</li></ul><ol><li>b</li></ol><blockquote>quoted</blockquote><p>line<br>break</p>";
    assertEquals(html, ReflectionHtml.sanitise(html).html());
  }

  @Test
  void linksKeepTheirAddressAndGetRel() {
    assertEquals("<p><a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow noopener noreferrer\">x</a>"
            + " <a href=\"mailto:a@example.org\" rel=\"nofollow noopener noreferrer\">m</a></p>",
        ReflectionHtml.sanitise("<p><a href=\"https://example.org/a?b=1&c=2\" target=\"_blank\">x</a>"
            + " <a href=\"mailto:a@example.org\">m</a></p>").html());
  }

  @Test
  void aLinkWithAnUnsafeOrRelativeAddressBecomesItsText() {
    assertEquals("<p>x y</p>",
        ReflectionHtml.sanitise("<p><a href=\"javascript:alert(1)\">x</a> <a href=\"/app/overview\">y</a></p>").html());
  }

  @Test
  void aLinkWithoutTextIsDropped() {
    assertEquals("<p>before  after</p>", ReflectionHtml.sanitise(
        "<p>before <a href=\"https://ok.example\"><img src=x></a> <a href=\"https://ok.example\"> </a>after</p>").html());
  }

  @Test
  void imagesAndStylesAreDroppedAndTheirTextStays() {
    assertEquals("<p>see </p>", ReflectionHtml.sanitise("<p style=\"color:red\">see <img src=\"https://x.example/a.png\"></p>").html());
    assertEquals("<p>kept text</p>", ReflectionHtml.sanitise("<p><span class=\"x\">kept</span> <font>text</font></p>").html());
  }

  @Test
  void textThatLooksLikeMarkupStaysText() {
    ReflectionHtml html = ReflectionHtml.sanitise("<p>a &lt;script&gt; tag &amp; more</p>");
    assertEquals("<p>a &lt;script&gt; tag &amp; more</p>", html.html());
    assertEquals(4, html.words(), "a, <script>, tag, more: a lone & is no word");
  }

  @Test
  void plainTextBecomesParagraphs() {
    assertEquals("<p>First line<br>same paragraph</p><p>Second &amp; last</p>",
        ReflectionHtml.sanitise("First line\r\nsame paragraph\n\n  \nSecond & last\n").html());
  }

  @Test
  void sanitisingTwiceChangesNothing() {
    String once = ReflectionHtml.sanitise("<p>a <a href='https://e.example'>l</a><b>x<i>y</b></i></p><ul><li>z").html();
    assertEquals(once, ReflectionHtml.sanitise(once).html());
    assertEquals(once, ReflectionHtml.fromStorage(once).html());
  }

  @Test
  void wordsAreCountedInTheTextOfEveryBlock() {
    assertEquals(0, ReflectionHtml.sanitise("  ").words());
    assertEquals(0, ReflectionHtml.sanitise("<p> – </p><p>!!</p>").words());
    assertEquals(6, ReflectionHtml.sanitise("<p>one two</p><ul><li>three</li><li>four</li></ul><p>five<br>six</p>").words());
    assertEquals(3, ReflectionHtml.sanitise("<p>työ, ääni 2026</p>").words());
    assertEquals(2, ReflectionHtml.sanitise("<p>وسائل التواصل</p>").words());
  }

  @Test
  void textOverTheLimitIsRefusedWithTheLimitInKilobytes() {
    String tooLong = "<p>" + "a".repeat(ReflectionHtml.MAX_INPUT_BYTES) + "</p>";
    ReflectionHtml.TextTooLong e = assertThrows(ReflectionHtml.TextTooLong.class, () -> ReflectionHtml.sanitise(tooLong));
    assertEquals(100, e.kilobytes());
    // counted in UTF-8 bytes: 40,000 three-byte characters are 120 KB
    assertThrows(ReflectionHtml.TextTooLong.class, () -> ReflectionHtml.sanitise("€".repeat(40_000)));
    assertEquals(ReflectionHtml.MAX_INPUT_BYTES - 7,
        ReflectionHtml.sanitise("<p>" + "a".repeat(ReflectionHtml.MAX_INPUT_BYTES - 7) + "</p>").html().length() - 7);
  }

  @Test
  void textThatEscapingWouldLengthenBeyondStorageIsRefused() {
    assertThrows(ReflectionHtml.TextTooLong.class, () -> ReflectionHtml.sanitise("<p>" + "&".repeat(90_000) + "</p>"));
  }
}
