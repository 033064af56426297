package eu.somework.content;

import eu.somework.web.UiLanguage;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One language's glossary ({@code module-content/glossary/<lang>.yaml}): the headings every unit
 * uses, and one rendering per concept with the renderings to avoid. An avoided rendering is a word
 * stem matched case-insensitively at the start of a word, or anywhere inside one when the glossary
 * says {@code matchInsideWords} (Finnish glues words into compounds). A paragraph that also uses
 * the right rendering may name the avoided one, to explain how they relate. Immutable.
 */
final class Glossary {
  /** The case-section prefix of English while there is no glossary/en.yaml. */
  static final String ENGLISH_CASE_PREFIX = "Case:";

  /** A concept, its one rendering in this language and the renderings to avoid. */
  record Term(String concept, String use, List<String> avoid) {
    Term {
      avoid = List.copyOf(avoid);
    }
  }

  /** An avoided rendering found in a text: the term, the stem and the word it was found in. */
  record Finding(Term term, String stem, String word, Pattern pattern) {
    /** Whether this rendering occurs in {@code text}, e.g. in one source line of a longer YAML text. */
    boolean occursIn(String text) {
      return pattern.matcher(normalize(text)).find();
    }

    String message(String glossaryFile) {
      return "'" + word + "': use '" + term.use() + "' for '" + term.concept() + "' (" + glossaryFile + " avoids '"
          + stem + "')";
    }
  }

  /**
   * An avoided rendering: its pattern, and the literal the pattern holds after the optional
   * word-start look-behind, folded as {@link Pattern#CASE_INSENSITIVE} with
   * {@link Pattern#UNICODE_CASE} folds it ({@link #fold}); {@code folded} is null when the
   * literal has fewer than two characters or a supplementary one, and the pattern then always runs.
   */
  private record Avoided(Term term, String stem, Pattern pattern, char[] folded) {}

  // Arabic short vowels, tatweel, soft hyphen and zero-width (non-)joiners do not change a word
  private static final Pattern IGNORED = Pattern.compile("[\\u064B-\\u065F\\u0670\\u0640\\u00AD\\u200C\\u200D]");

  private final UiLanguage language;
  private final String selfCheckHeading;
  private final String casePrefix;
  private final boolean matchInsideWords;
  private final List<Term> terms;
  private final List<Avoided> avoided = new ArrayList<>();
  /** Indexes into {@link #avoided} by the first folded character of their literal. */
  private final java.util.Map<Character, List<Integer>> byFirstChar = new java.util.HashMap<>();
  /** Indexes into {@link #avoided} whose pattern runs on every line (no {@code folded} literal). */
  private final List<Integer> alwaysRun = new ArrayList<>();

  Glossary(UiLanguage language, String selfCheckHeading, String casePrefix, boolean matchInsideWords, List<Term> terms) {
    this.language = language;
    this.selfCheckHeading = selfCheckHeading;
    this.casePrefix = casePrefix;
    this.matchInsideWords = matchInsideWords;
    this.terms = List.copyOf(terms);
    String wordStart = matchInsideWords ? "" : "(?<![\\p{L}\\p{M}\\p{N}])";
    for (Term term : this.terms) {
      for (String stem : term.avoid()) {
        String literal = normalize(stem);
        avoided.add(new Avoided(term, stem, Pattern.compile(wordStart + Pattern.quote(literal),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), foldedLiteral(literal)));
      }
    }
    for (int i = 0; i < avoided.size(); i++) {
      char[] folded = avoided.get(i).folded();
      if (folded == null) {
        alwaysRun.add(i);
      } else {
        byFirstChar.computeIfAbsent(folded[0], c -> new ArrayList<>()).add(i);
      }
    }
  }

  /**
   * How a case-insensitive, Unicode-case pattern compares a character of its literal: lower case of
   * upper case ({@code java.util.regex.Pattern}'s {@code SliceU}).
   */
  private static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  private static char[] foldedLiteral(String literal) {
    if (literal.length() < 2 || literal.chars().anyMatch(c -> Character.isSurrogate((char) c))) {
      return null;
    }
    char[] folded = new char[literal.length()];
    for (int i = 0; i < folded.length; i++) {
      folded[i] = fold(literal.charAt(i));
    }
    return folded;
  }

  /**
   * Which avoided renderings' patterns can match in {@code text}: those whose folded literal occurs
   * at some position, compared as the pattern compares (a character equal to the folded one, or
   * whose fold is), and those without a folded literal. A necessary condition for a match, checked
   * in one pass over the text instead of one pattern search per rendering (start-up runs this over
   * every line of every unit); the pattern itself then decides.
   */
  private java.util.BitSet candidatesIn(String text) {
    java.util.BitSet candidates = new java.util.BitSet(avoided.size());
    alwaysRun.forEach(candidates::set);
    int n = text.length();
    char[] folded = new char[n];
    for (int i = 0; i < n; i++) {
      folded[i] = fold(text.charAt(i));
    }
    for (int x = 0; x < n; x++) {
      char c = text.charAt(x);
      List<Integer> starting = byFirstChar.get(folded[x]);
      List<Integer> literally = c == folded[x] ? null : byFirstChar.get(c);
      if (starting != null) {
        markMatches(starting, text, folded, x, candidates);
      }
      if (literally != null) {
        markMatches(literally, text, folded, x, candidates);
      }
    }
    return candidates;
  }

  private void markMatches(List<Integer> indexes, String text, char[] folded, int x, java.util.BitSet candidates) {
    for (int index : indexes) {
      if (candidates.get(index)) {
        continue;
      }
      char[] literal = avoided.get(index).folded();
      if (x + literal.length > text.length()) {
        continue;
      }
      boolean all = true;
      for (int j = 0; j < literal.length && all; j++) {
        all = text.charAt(x + j) == literal[j] || folded[x + j] == literal[j];
      }
      if (all) {
        candidates.set(index);
      }
    }
  }

  UiLanguage language() {
    return language;
  }

  /** The file as authors name it in messages, e.g. {@code glossary/fi.yaml}. */
  String file() {
    return "glossary/" + language.code() + ".yaml";
  }

  /** The one heading above every self-check block. */
  String selfCheckHeading() {
    return selfCheckHeading;
  }

  /** How every case section's heading starts. */
  String casePrefix() {
    return casePrefix;
  }

  boolean matchInsideWords() {
    return matchInsideWords;
  }

  List<Term> terms() {
    return terms;
  }

  /**
   * The avoided renderings in {@code line}, a line of {@code paragraph}, except those of terms whose
   * right rendering the paragraph also uses. One finding per stem and line.
   */
  List<Finding> findingsIn(String line, String paragraph) {
    String text = normalize(line);
    String whole = null;
    List<Finding> found = new ArrayList<>();
    java.util.BitSet candidates = candidatesIn(text);
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      Avoided a = avoided.get(i);
      Matcher m = a.pattern().matcher(text);
      if (!m.find()) {
        continue;
      }
      if (whole == null) {
        whole = lower(normalize(paragraph));
      }
      if (!whole.contains(lower(normalize(a.term().use())))) {
        found.add(new Finding(a.term(), a.stem(), wordAround(text, m.start(), m.end()), a.pattern()));
      }
    }
    return found;
  }

  static String normalize(String text) {
    return IGNORED.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("");
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private static String wordAround(String text, int start, int end) {
    int from = start;
    while (from > 0 && isWordChar(text.codePointBefore(from))) {
      from -= Character.charCount(text.codePointBefore(from));
    }
    int to = end;
    while (to < text.length() && isWordChar(text.codePointAt(to))) {
      to += Character.charCount(text.codePointAt(to));
    }
    return text.substring(from, to);
  }

  private static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
        || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
  }
}
