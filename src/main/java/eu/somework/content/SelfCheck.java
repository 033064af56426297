package eu.somework.content;

import java.util.ArrayList;
import java.util.List;

/**
 * The questions and answers of a {@code ```self-check} block: each {@code Q:} line followed by
 * exactly one {@code A:} line, pairs separated by a blank line (module-content/README.md).
 */
record SelfCheck(List<Pair> pairs, List<Mistake> mistakes) {
  static final String INFO = "self-check";

  /** A question and the answer the learner can reveal. */
  record Pair(String question, String answer) {}

  /** What is wrong at a line, counted from 0 inside the block. */
  record Mistake(int lineInBlock, String message) {}

  boolean isWellFormed() {
    return mistakes.isEmpty() && !pairs.isEmpty();
  }

  static SelfCheck parse(String literal) {
    String[] lines = literal.split("\n", -1);
    List<Pair> pairs = new ArrayList<>();
    List<Mistake> mistakes = new ArrayList<>();
    int i = 0;
    while (i < lines.length) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        i++;
        continue;
      }
      if (!line.startsWith("Q:")) {
        mistakes.add(new Mistake(i, line.startsWith("A:")
            ? "self-check answer has no 'Q:' line directly above it"
            : "self-check line must start with 'Q:' or 'A:'"));
        i = skipToBlank(lines, i);
        continue;
      }
      String question = line.substring(2).strip();
      String next = i + 1 < lines.length ? lines[i + 1].strip() : "";
      if (!next.startsWith("A:")) {
        mistakes.add(new Mistake(i, "self-check question needs an 'A:' line directly after it"));
        i = skipToBlank(lines, i + 1);
        continue;
      }
      String answer = next.substring(2).strip();
      if (question.isEmpty() || answer.isEmpty()) {
        mistakes.add(new Mistake(question.isEmpty() ? i : i + 1, "self-check question and answer must not be empty"));
      }
      String after = i + 2 < lines.length ? lines[i + 2].strip() : "";
      if (!after.isEmpty()) {
        mistakes.add(new Mistake(i + 2, "a self-check question has exactly one 'A:' line; separate pairs with a blank line"));
        i = skipToBlank(lines, i + 2);
        continue;
      }
      pairs.add(new Pair(question, answer));
      i += 2;
    }
    return new SelfCheck(List.copyOf(pairs), List.copyOf(mistakes));
  }

  private static int skipToBlank(String[] lines, int from) {
    int i = from;
    while (i < lines.length && !lines[i].isBlank()) {
      i++;
    }
    return i;
  }
}
