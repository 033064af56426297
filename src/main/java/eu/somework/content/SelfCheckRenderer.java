package eu.somework.content;

import eu.somework.web.Templates;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders a {@code ```self-check} block as one {@code <details>} per question, the answer hidden
 * until the learner opens it ({@code content/selfCheck.jte}); works with the keyboard and without
 * script. Every text is escaped.
 * Other fenced blocks come out as the usual {@code <pre><code>}.
 */
final class SelfCheckRenderer implements NodeRenderer {
  private final HtmlNodeRendererContext context;
  private final HtmlWriter html;

  SelfCheckRenderer(HtmlNodeRendererContext context) {
    this.context = context;
    this.html = context.getWriter();
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(FencedCodeBlock.class);
  }

  @Override
  public void render(Node node) {
    FencedCodeBlock block = (FencedCodeBlock) node;
    String info = block.getInfo() == null ? "" : block.getInfo().strip();
    if (SelfCheck.INFO.equals(info)) {
      renderSelfCheck(SelfCheck.parse(block.getLiteral()));
    } else {
      renderCode(block, info);
    }
  }

  private void renderSelfCheck(SelfCheck selfCheck) {
    html.line();
    // from a template, so every question and answer is escaped as element text
    html.raw(Templates.render("content/selfCheck.jte", selfCheck));
    html.line();
  }

  private void renderCode(FencedCodeBlock block, String info) {
    html.line();
    html.tag("pre", context.extendAttributes(block, "pre", Map.of()));
    String language = info.isEmpty() ? null : info.split("\\s+")[0];
    html.tag("code", context.extendAttributes(block, "code",
        language == null ? Map.of() : Map.of("class", "language-" + language)));
    html.text(block.getLiteral());
    html.tag("/code");
    html.tag("/pre");
    html.line();
  }
}
