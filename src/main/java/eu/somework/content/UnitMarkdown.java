package eu.somework.content;

import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown of the unit texts, parsed with line positions (for the validator's messages) and
 * rendered to safe HTML: raw HTML in the text is escaped into visible text, URLs other than https
 * and the unit's own files are dropped, headings get ids, self-checks become {@code <details>}.
 * Immutable and thread-safe.
 */
final class UnitMarkdown {
  /** Where the tool serves the files of a unit folder; see {@link UnitFileResource}. */
  static final String FILES_PATH = "/content/";

  private final Parser parser = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
  private final HtmlRenderer renderer = HtmlRenderer.builder()
      .escapeHtml(true)
      .sanitizeUrls(true)
      .urlSanitizer(new DefaultUrlSanitizer(List.of("https")))
      .attributeProviderFactory(context -> new HeadingIds())
      .nodeRendererFactory(SelfCheckRenderer::new)
      .build();

  Node parse(String source) {
    return parser.parse(source);
  }

  /**
   * The HTML of a parsed text below its title (the page shows the title as its h1). Changes the
   * document: the title heading is removed and links to unit files point at where they are served.
   */
  String renderBody(Node document, String unitId) {
    if (document.getFirstChild() instanceof Heading title && title.getLevel() == 1) {
      title.unlink();
    }
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Link link) {
        link.setDestination(served(unitId, link.getDestination()));
        visitChildren(link);
      }

      @Override
      public void visit(Image image) {
        image.setDestination(served(unitId, image.getDestination()));
        visitChildren(image);
      }
    });
    return renderer.render(document);
  }

  /** Renders a whole text as it stands; for checking how any Markdown comes out. */
  String render(String source, String unitId) {
    return renderBody(parse(source), unitId);
  }

  private static String served(String unitId, String destination) {
    return LinkTarget.isUnitFile(destination) ? FILES_PATH + unitId + "/" + destination : destination;
  }
}
