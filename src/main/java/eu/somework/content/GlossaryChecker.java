package eu.somework.content;

import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Holds a unit's texts in one language to that language's glossary: no avoided rendering outside a
 * paragraph that also uses the right one, and the glossary's heading above the self-check. In
 * Markdown a paragraph is a block of lines between blank lines; in unit.yaml it is one text value.
 */
final class GlossaryChecker {
  private GlossaryChecker() {}

  /** Checks a {@code <lang>.md}; {@code structure} is there when the text passed the Markdown checks. */
  static void checkMarkdown(Glossary glossary, String source, Optional<TextStructure> structure, ProblemList problems) {
    structure.flatMap(TextStructure::selfCheckHeading)
        .filter(heading -> !heading.heading().equals(glossary.selfCheckHeading()))
        .ifPresent(heading -> problems.add(heading.line(), "the heading above the self-check is '" + heading.heading()
            + "' but " + glossary.file() + " says '" + glossary.selfCheckHeading() + "'"));
    List<String> lines = source.lines().toList();
    int start = 0;
    while (start < lines.size()) {
      if (lines.get(start).isBlank()) {
        start++;
        continue;
      }
      int end = start;
      while (end < lines.size() && !lines.get(end).isBlank()) {
        end++;
      }
      String paragraph = String.join("\n", lines.subList(start, end));
      for (int i = start; i < end; i++) {
        int line = i + 1;
        glossary.findingsIn(lines.get(i), paragraph).forEach(f -> problems.add(line, f.message(glossary.file())));
      }
      start = end;
    }
  }

  /**
   * Checks every text value under {@code text.<lang>} of unit.yaml. A finding is reported at the
   * source line that holds it, or where the value starts if the word is wrapped over two lines.
   */
  static void checkYaml(Glossary glossary, Node block, List<String> sourceLines, ProblemList problems) {
    if (block instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        checkYaml(glossary, tuple.getValueNode(), sourceLines, problems);
      }
    } else if (block instanceof SequenceNode sequence) {
      sequence.getValue().forEach(item -> checkYaml(glossary, item, sourceLines, problems));
    } else if (block instanceof ScalarNode scalar) {
      int first = scalar.getStartMark().getLine();
      int last = Math.min(scalar.getEndMark().getLine(), sourceLines.size() - 1);
      for (Glossary.Finding finding : glossary.findingsIn(scalar.getValue(), scalar.getValue())) {
        int line = first;
        for (int i = first; i <= last; i++) {
          if (finding.occursIn(sourceLines.get(i))) {
            line = i;
            break;
          }
        }
        problems.add(line + 1, finding.message(glossary.file()));
      }
    }
  }
}
