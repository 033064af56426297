package eu.somework.content;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.html.AttributeProvider;

/**
 * Gives each heading an id made from its text, so that sections can be linked to, and opens https
 * links in a new tab: inside the LMS frame most sites refuse to be shown. One instance per render,
 * so ids are unique within a page; names the page itself uses are reserved.
 */
final class HeadingIds implements AttributeProvider {
  static final Set<String> RESERVED = Set.of("main", "outcomes", "task", "text");

  private final Set<String> used = new HashSet<>(RESERVED);

  @Override
  public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
    if (node instanceof Heading heading) {
      attributes.put("id", unique(slug(textOf(heading))));
    } else if (node instanceof Link link && link.getDestination().regionMatches(true, 0, "https://", 0, 8)) {
      attributes.put("target", "_blank");
      attributes.put("rel", "noopener noreferrer");
    }
  }

  /** Lower-case letters and digits of any script, joined by single hyphens. */
  static String slug(String text) {
    StringBuilder out = new StringBuilder();
    boolean gap = false;
    for (int cp : text.toLowerCase(Locale.ROOT).codePoints().toArray()) {
      if (Character.isLetterOrDigit(cp)) {
        if (gap && out.length() > 0) {
          out.append('-');
        }
        out.appendCodePoint(cp);
        gap = false;
      } else {
        gap = true;
      }
    }
    return out.length() == 0 ? "section" : out.toString();
  }

  private String unique(String slug) {
    String candidate = slug;
    for (int n = 2; !used.add(candidate); n++) {
      candidate = slug + "-" + n;
    }
    return candidate;
  }

  /** The plain text of a heading or other inline container. */
  static String textOf(Node node) {
    StringBuilder text = new StringBuilder();
    node.accept(new AbstractVisitor() {
      @Override
      public void visit(Text t) {
        text.append(t.getLiteral());
      }

      @Override
      public void visit(Code code) {
        text.append(code.getLiteral());
      }
    });
    return text.toString();
  }
}
