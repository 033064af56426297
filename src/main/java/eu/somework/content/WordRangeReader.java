package eu.somework.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code reflection.words: {min: N, max: M}} from unit.yaml, and finds whether a prompt
 * states both numbers. Digits may be ASCII (300), Arabic-Indic (٣٠٠) or Persian (۳۰۰), and a
 * thousands separator (a space, no-break space, comma, full stop or '٬') may group them (1 000).
 */
final class WordRangeReader {
  private static final Set<String> KEYS = Set.of("min", "max");

  private WordRangeReader() {}

  /** The range when {@code reflection.words} is present and valid; a missing key is a problem only if required. */
  static Optional<WordRange> read(YamlMapping reflection, boolean required) {
    if (!required && reflection.node("words").isEmpty()) {
      return Optional.empty();
    }
    ProblemList problems = reflection.problems();
    return reflection.mapping("words").flatMap(words -> {
      int before = problems.count();
      words.rejectUnknown(KEYS);
      Optional<Integer> min = words.integer("min", 1);
      Optional<Integer> max = words.integer("max", 1);
      if (problems.count() > before) {
        return Optional.empty();
      }
      if (max.get() > WordRange.LIMIT) {
        problems.add(words.node("max").orElseThrow(), "'" + words.path("max") + "' is " + max.get()
            + " but a reflection may ask for at most " + WordRange.LIMIT + " words");
      } else if (min.get() >= max.get()) {
        problems.add(words.node("min").orElseThrow(), "'" + words.path("min") + "' (" + min.get()
            + ") must be less than '" + words.path("max") + "' (" + max.get() + ")");
      }
      return problems.count() > before ? Optional.empty() : Optional.of(new WordRange(min.get(), max.get()));
    });
  }

  /** The numbers of the range that {@code text} does not state, in order; empty when both are there. */
  static List<Integer> missingFrom(WordRange range, String text) {
    List<Integer> stated = numbersIn(text);
    List<Integer> missing = new ArrayList<>();
    for (int number : List.of(range.min(), range.max())) {
      if (!stated.contains(number)) {
        missing.add(number);
      }
    }
    return missing;
  }

  /**
   * Every whole number written in {@code text}, in ASCII, Arabic-Indic or Persian digits. One digit,
   * a separator and three digits are one number ("1 000", "2.500"), enough for every range up to
   * {@link WordRange#LIMIT}; "300 500" stays two numbers.
   */
  static List<Integer> numbersIn(String text) {
    List<Integer> numbers = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (digit(text.charAt(i)) < 0) {
        i++;
        continue;
      }
      int start = i;
      long value = 0;
      while (i < text.length() && digit(text.charAt(i)) >= 0) {
        value = Math.min(value * 10 + digit(text.charAt(i)), Integer.MAX_VALUE);
        i++;
      }
      if (i - start == 1 && i < text.length() && isGroupSeparator(text.charAt(i)) && groupOfThreeFollows(text, i + 1)) {
        for (int k = i + 1; k < i + 4; k++) {
          value = value * 10 + digit(text.charAt(k));
        }
        i += 4;
      }
      numbers.add((int) value);
    }
    return numbers;
  }

  private static boolean groupOfThreeFollows(String text, int from) {
    for (int k = 0; k < 3; k++) {
      if (from + k >= text.length() || digit(text.charAt(from + k)) < 0) {
        return false;
      }
    }
    return from + 3 >= text.length() || digit(text.charAt(from + 3)) < 0;
  }

  private static boolean isGroupSeparator(char c) {
    return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009' || c == ',' || c == '.' || c == '\u066C';
  }

  /** The value of an ASCII, Arabic-Indic (U+0660..) or Extended Arabic-Indic / Persian (U+06F0..) digit; else -1. */
  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= '\u0660' && c <= '\u0669') {
      return c - '\u0660';
    }
    if (c >= '\u06F0' && c <= '\u06F9') {
      return c - '\u06F0';
    }
    return -1;
  }
}
