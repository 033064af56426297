package eu.somework.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;

/**
 * Checks a parsed unit text against module-content/README.md: the title line, one level-1
 * heading, one well-formed self-check after a {@code ## } heading, and links and images that
 * stay inside what the tool may show.
 */
final class MarkdownChecker {
  private MarkdownChecker() {}

  static void check(String source, Node document, String expectedTitle, Path unitDir, ProblemList problems) {
    checkTitle(source, expectedTitle, problems);
    Walker walker = new Walker(unitDir, problems);
    document.accept(walker);
    if (walker.selfChecks.isEmpty()) {
      problems.addWholeFile("has no ```" + SelfCheck.INFO + " block of Q:/A: lines");
    }
    for (int i = 0; i < walker.selfChecks.size(); i++) {
      FencedCodeBlock block = walker.selfChecks.get(i);
      int fenceLine = line(block);
      if (i > 0) {
        problems.add(fenceLine, "only one self-check block is allowed per text");
        continue;
      }
      if (!(block.getPrevious() instanceof Heading heading && heading.getLevel() == 2)) {
        problems.add(fenceLine, "the self-check block must come right after a '## ' heading");
      }
      if (block.getClosingFenceLength() == null) {
        problems.add(fenceLine, "the self-check block is not closed with ```");
      }
      SelfCheck parsed = SelfCheck.parse(block.getLiteral());
      parsed.mistakes().forEach(m -> problems.add(fenceLine + 1 + m.lineInBlock(), m.message()));
      if (parsed.mistakes().isEmpty() && parsed.pairs().isEmpty()) {
        problems.add(fenceLine, "the self-check block has no questions");
      }
    }
  }

  private static void checkTitle(String source, String expectedTitle, ProblemList problems) {
    String first = source.lines().findFirst().orElse("").strip();
    if (!first.startsWith("# ")) {
      problems.add(1, "the first line must be the unit title as '# " + expectedTitle + "'");
    } else if (!first.substring(2).strip().equals(expectedTitle)) {
      problems.add(1, "the title '" + first.substring(2).strip() + "' differs from the title in unit.yaml '"
          + expectedTitle + "'");
    }
  }

  /** 1-based line of a node; 0 when the parser kept no position. */
  static int line(Node node) {
    for (Node at = node; at != null; at = at.getParent()) {
      if (!at.getSourceSpans().isEmpty()) {
        return at.getSourceSpans().get(0).getLineIndex() + 1;
      }
    }
    return 0;
  }

  private static final class Walker extends AbstractVisitor {
    private final Path unitDir;
    private final ProblemList problems;
    private final List<FencedCodeBlock> selfChecks = new ArrayList<>();
    private boolean titleSeen;

    Walker(Path unitDir, ProblemList problems) {
      this.unitDir = unitDir;
      this.problems = problems;
    }

    @Override
    public void visit(Heading heading) {
      if (heading.getLevel() == 1) {
        if (titleSeen) {
          problems.add(line(heading), "only the title may be a level-1 heading; use '## ' for sections");
        }
        titleSeen = true;
      }
      visitChildren(heading);
    }

    @Override
    public void visit(FencedCodeBlock block) {
      if (SelfCheck.INFO.equals(block.getInfo().strip())) {
        selfChecks.add(block);
      }
    }

    @Override
    public void visit(Link link) {
      LinkTarget.problem(link.getDestination(), unitDir, false).ifPresent(p -> problems.add(line(link), p));
      visitChildren(link);
    }

    @Override
    public void visit(Image image) {
      LinkTarget.problem(image.getDestination(), unitDir, true).ifPresent(p -> problems.add(line(image), p));
      visitChildren(image);
    }
  }
}
