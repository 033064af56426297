package eu.somework.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/**
 * The shape of one unit text, to compare the languages of a unit: its {@code ## } sections, and its
 * self-check with the heading above it and the number of questions. Built from a text that passed
 * {@link MarkdownChecker}, so it has exactly one self-check.
 */
record TextStructure(List<Section> sections, Optional<Section> selfCheckHeading, int selfCheckLine,
    int selfCheckQuestions) {

  /** A {@code ## } heading's text and its 1-based line. */
  record Section(String heading, int line) {}

  TextStructure {
    sections = List.copyOf(sections);
  }

  static TextStructure of(Node document) {
    List<Section> sections = new ArrayList<>();
    List<FencedCodeBlock> selfChecks = new ArrayList<>();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Heading heading) {
        if (heading.getLevel() == 2) {
          sections.add(section(heading));
        }
      }

      @Override
      public void visit(FencedCodeBlock block) {
        if (SelfCheck.INFO.equals(block.getInfo().strip())) {
          selfChecks.add(block);
        }
      }
    });
    if (selfChecks.isEmpty()) {
      return new TextStructure(sections, Optional.empty(), 0, 0);
    }
    FencedCodeBlock block = selfChecks.get(0);
    Optional<Section> heading = block.getPrevious() instanceof Heading h && h.getLevel() == 2
        ? Optional.of(section(h)) : Optional.empty();
    return new TextStructure(sections, heading, MarkdownChecker.line(block),
        SelfCheck.parse(block.getLiteral()).pairs().size());
  }

  /** How many sections are case sections: their heading starts with {@code prefix}. */
  int caseSections(String prefix) {
    return (int) sections.stream().filter(s -> s.heading().startsWith(prefix)).count();
  }

  private static Section section(Heading heading) {
    return new Section(HeadingIds.textOf(heading).strip(), MarkdownChecker.line(heading));
  }
}
