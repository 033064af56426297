package eu.somework.reflection;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Plain text as reflection HTML: paragraphs at blank lines, a single line break kept as
 * {@code <br>}. What a browser without JavaScript sends from the editor's text field. Built as
 * jsoup nodes, so the text is escaped by the same library that sanitises it afterwards.
 */
final class PlainText {
  private PlainText() {}

  static String toHtml(String text) {
    Document document = Document.createShell("");
    document.outputSettings().prettyPrint(false); // no layout whitespace: it would become text
    Element body = document.body();
    for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').strip().split("\n\\s*\n")) {
      if (paragraph.isBlank()) {
        continue;
      }
      Element p = body.appendElement("p");
      String[] lines = paragraph.strip().split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          p.appendElement("br");
        }
        p.appendText(lines[i].strip());
      }
    }
    return body.html();
  }
}
