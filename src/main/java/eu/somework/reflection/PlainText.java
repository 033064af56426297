package eu.somework.reflection;

import org.owasp.encoder.Encode;

/**
 * Plain text as reflection HTML: paragraphs at blank lines, a single line break kept as
 * {@code <br>}. What a browser without JavaScript sends from the editor's text field.
 */
final class PlainText {
  private PlainText() {}

  static String toHtml(String text) {
    StringBuilder html = new StringBuilder();
    for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').strip().split("\n\\s*\n")) {
      if (paragraph.isBlank()) {
        continue;
      }
      html.append("<p>");
      String[] lines = paragraph.strip().split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          html.append("<br>");
        }
        html.append(Encode.forHtmlContent(lines[i].strip()));
      }
      html.append("</p>");
    }
    return html.toString();
  }
}
