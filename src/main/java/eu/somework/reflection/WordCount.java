package eu.somework.reflection;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Words in a reflection: runs of non-space characters that hold at least one letter or digit, in
 * the text of its HTML (block elements and line breaks separate words). The editor's script
 * ({@code static/reflection-editor.js}) counts the same way, so the live count and the stored one
 * agree; a dash or an emoji standing alone is not a word.
 */
final class WordCount {
  private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0]+");
  private static final Pattern WORDLIKE = Pattern.compile("[\\p{L}\\p{N}]");

  private WordCount() {}

  static int of(String html) {
    if (html == null || html.isBlank()) {
      return 0;
    }
    String text = Jsoup.parseBodyFragment(html.replace("<br>", " <br>")).body().text();
    int words = 0;
    for (String token : SPACE.split(text.strip())) {
      if (WORDLIKE.matcher(token).find()) {
        words++;
      }
    }
    return words;
  }
}
