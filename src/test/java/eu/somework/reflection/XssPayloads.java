package eu.somework.reflection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Known cross-site scripting payloads, from the classic filter-evasion lists (OWASP's cheat sheet,
 * PortSwigger's), for tests that put them into reflections and comments: script elements, event
 * handlers, javascript: and data: URLs (encoded, mixed case, with control characters), SVG and
 * MathML, style expressions, broken and nested markup, and quote tricks.
 */
public final class XssPayloads {
  private static final Set<String> ALLOWED_TAGS =
      Set.of("p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a", "blockquote");

  private XssPayloads() {}

  /** Stored HTML that a browser would run nothing from: allowed tags only, safe links only. */
  public static void assertNothingExecutable(String html, String payload) {
    for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
      if (e.tagName().equals("body")) {
        continue;
      }
      assertTrue(ALLOWED_TAGS.contains(e.tagName()), "element <" + e.tagName() + "> kept from " + payload + ": " + html);
      for (Attribute a : e.attributes()) {
        boolean linkAttribute = e.tagName().equals("a") && (a.getKey().equals("href") || a.getKey().equals("rel"));
        assertTrue(linkAttribute, "attribute " + a.getKey() + " kept from " + payload + ": " + html);
        if (a.getKey().equals("href")) {
          String href = a.getValue().strip().toLowerCase(Locale.ROOT);
          assertTrue(href.startsWith("https://") || href.startsWith("http://") || href.startsWith("mailto:"),
              "link " + href + " kept from " + payload);
          assertFalse(href.contains("javascript:"), href);
        }
      }
      if (e.tagName().equals("a")) {
        assertEquals("nofollow noopener noreferrer", e.attr("rel"), html);
      }
    }
    String lower = html.toLowerCase(Locale.ROOT);
    for (String markup : new String[] {"<script", "<img", "<svg", "<math", "<iframe", "<style", "<object", "<embed",
        "<form", "<input", "<base", "<meta", "<link"}) {
      assertFalse(lower.contains(markup), markup + " from " + payload + ": " + html);
    }
  }

  public static final List<String> ALL = List.of(
      "<script>alert(1)</script>",
      "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
      "<scr<script>ipt>alert(1)</scr</script>ipt>",
      "<script/xss src=\"https://xss.example/a.js\"></script>",
      "<<script>alert(1);//<</script>",
      "<img src=x onerror=alert(1)>",
      "<IMG SRC=\"javascript:alert('XSS');\">",
      "<img src=javascript:alert(&quot;XSS&quot;)>",
      "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
      "<img \"\"\"><script>alert(\"XSS\")</script>\">",
      "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
      "<a href=\"javascript:alert(1)\">click</a>",
      "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
      "<a href=\"jav&#x09;ascript:alert(1)\">click</a>",
      "<a href=\"jav\tascript:alert(1)\">click</a>",
      "<a href=\"&#106;avascript:alert(1)\">click</a>",
      "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">click</a>",
      "<a href=\" &#14;  javascript:alert(1)\">click</a>",
      "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">click</a>",
      "<a href=\"DATA:text/html,<script>alert(1)</script>\">click</a>",
      "<a href=\"vbscript:msgbox(1)\">click</a>",
      "<a href=\"https://ok.example\" onclick=\"alert(1)\">click</a>",
      "<a href=\"https://ok.example\" onmouseover=alert(1) style=\"position:fixed;inset:0\">x</a>",
      "<a href=\"https://ok.example\" target=\"_blank\" rel=\"opener\">x</a>",
      "<a href=\"//xss.example/\">protocol-relative</a>",
      "<svg onload=alert(1)>",
      "<svg><script>alert(1)</script></svg>",
      "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
      "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
      "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)'/></svg>#x\"/></svg>",
      "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
      "<math href=\"javascript:alert(1)\">CLICKME</math>",
      "<math><maction actiontype=\"statusline#http://ok.example\" xlink:href=\"javascript:alert(1)\">CLICK</maction></math>",
      "<div style=\"width: expression(alert('XSS'));\">",
      "<p style=\"background-image:url(javascript:alert(1))\">x</p>",
      "<style>@import 'https://xss.example/xss.css';</style>",
      "<style>body{background:url(\"javascript:alert(1)\")}</style>",
      "<link rel=\"stylesheet\" href=\"https://xss.example/xss.css\">",
      "<iframe src=\"javascript:alert(1)\"></iframe>",
      "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
      "<object data=\"javascript:alert(1)\"></object>",
      "<embed src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
      "<form action=\"javascript:alert(1)\"><button>go</button></form>",
      "<button formaction=\"javascript:alert(1)\">x</button>",
      "<input autofocus onfocus=alert(1)>",
      "<details open ontoggle=alert(1)>",
      "<body onload=alert(1)>",
      "<video><source onerror=\"alert(1)\"></video>",
      "<audio src=x onerror=alert(1)>",
      "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
      "<base href=\"javascript:alert(1)//\">",
      "<marquee onstart=alert(1)>x</marquee>",
      "<p title=\"</p><script>alert(1)</script>\">x</p>",
      "<p><em onmouseover=\"alert(1)\">a</em></p>",
      "<strong id=x tabindex=1 onfocus=alert(1)>x</strong>",
      "\"><script>alert(document.cookie)</script>",
      "'><img src=x onerror=alert(1)>",
      "</textarea><script>alert(1)</script>",
      "</div></div><script>alert(1)</script>",
      "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
      "<![CDATA[<script>alert(1)</script>]]>",
      "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
      "<template><script>alert(1)</script></template>",
      "<a href=\"https://ok.example\"><img src=x onerror=alert(1)></a>",
      "<blockquote cite=\"javascript:alert(1)\">q</blockquote>",
      "<ul><li onclick=alert(1)>x</li></ul>",
      "<a href=\"java&#0000115cript:alert(1)\">x</a>",
      "<a href=\"javascript&colon;alert(1)\">x</a>",
      "<a href=\"&#x2F;&#x2F;xss.example\">x</a>",
      "<a href=\"https://ok.example/&quot; onmouseover=&quot;alert(1)\">x</a>",
      "<IMG SRC=\"jav&#x0D;ascript:alert('XSS');\">",
      "<a/href=\"javascript:alert(1)\">x</a>",
      "<a href=\"javascript://%0aalert(1)\">x</a>");
}
