package eu.somework.content;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems found in one file, each tagged with that file's name. */
final class ProblemList {
  private final String file;
  private final List<ContentProblem> sink;

  ProblemList(String file, List<ContentProblem> sink) {
    this.file = file;
    this.sink = sink;
  }

  /** How many problems the shared list holds, to tell whether a step found new ones. */
  int count() {
    return sink.size();
  }

  String file() {
    return file;
  }

  void add(int line, String message) {
    sink.add(new ContentProblem(file, line, message));
  }

  /** A problem at a YAML node's first line (SnakeYAML counts lines from 0). */
  void add(Node node, String message) {
    add(node.getStartMark().getLine() + 1, message);
  }

  void addWholeFile(String message) {
    add(0, message);
  }

  /** For a file collected into the same list under another name, e.g. {@code <unit>/fi.md}. */
  ProblemList forFile(String otherFile) {
    return new ProblemList(otherFile, sink);
  }

  static List<ContentProblem> newSink() {
    return new ArrayList<>();
  }
}
