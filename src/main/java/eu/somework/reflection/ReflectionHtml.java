package eu.somework.reflection;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * A reflection's formatted text after sanitising: the only way such HTML comes into being, so a
 * value of this type is safe to write into a page unescaped.
 *
 * <p>The input is parsed as an HTML body fragment by jsoup (the parser browsers follow, so broken
 * markup is read as a browser would read it) and rebuilt by jsoup's {@link Cleaner} from an
 * allow-list: {@code p, br, strong, b, em, i, ul, ol, li, blockquote} without attributes, and
 * {@code a} with only {@code href} of protocol http, https or mailto (checked on the resolved URL,
 * after entity decoding, so {@code jav&#x61;script:} and mixed case are caught), to which
 * {@code rel="nofollow noopener noreferrer"} is added; a link whose address is not allowed becomes
 * its text, and one without text is dropped. Everything else — scripts, styles, images,
 * SVG and MathML, forms, frames, every event handler and every other attribute — is dropped; the
 * text inside dropped elements stays as text. The output is serialised by jsoup, which escapes
 * text and attribute values, so no markup can be smuggled through in either.
 *
 * <p>Text without any {@code <} (what a browser without JavaScript sends from the plain text
 * field) is taken as plain text: blank lines separate paragraphs, a line break stays one.
 */
public final class ReflectionHtml {
  /** The most a reflection's HTML may be as sent, in UTF-8 bytes (100 KB: about 15,000 words). */
  public static final int MAX_INPUT_BYTES = 100_000;
  /**
   * The most its sanitised HTML may be, in characters: escaping can lengthen text ({@code &} becomes
   * {@code &amp;}), so this is above the input limit; the database column holds this many.
   */
  public static final int MAX_STORED_CHARS = 200_000;

  private static final Safelist ALLOWED = new Safelist()
      .addTags("p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a", "blockquote")
      .addAttributes("a", "href")
      .addProtocols("a", "href", "http", "https", "mailto")
      .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

  private static final ReflectionHtml EMPTY = new ReflectionHtml("", 0);

  private final String html;
  private final int words;

  private ReflectionHtml(String html, int words) {
    this.html = html;
    this.words = words;
  }

  /** No text at all. */
  public static ReflectionHtml empty() {
    return EMPTY;
  }

  /**
   * Sanitises what a student sent.
   *
   * @param input HTML from the editor, or plain text; null is empty
   * @throws TextTooLong if {@code input} is over {@link #MAX_INPUT_BYTES} bytes, or its sanitised
   *     form over {@link #MAX_STORED_CHARS} characters
   */
  public static ReflectionHtml sanitise(String input) {
    if (input == null || input.isBlank()) {
      return EMPTY;
    }
    if (input.length() > MAX_INPUT_BYTES || input.getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
      throw new TextTooLong(MAX_INPUT_BYTES / 1000);
    }
    String clean = clean(input.indexOf('<') < 0 ? PlainText.toHtml(input) : input);
    if (clean.length() > MAX_STORED_CHARS) {
      throw new TextTooLong(MAX_INPUT_BYTES / 1000);
    }
    return new ReflectionHtml(clean, WordCount.of(clean));
  }

  /**
   * HTML read back from the database, sanitised again on the way out: what was stored went
   * through {@link #sanitise} already, and cleaning is idempotent, so this changes nothing unless
   * the row was altered outside the tool — in which case it still yields safe HTML.
   */
  static ReflectionHtml fromStorage(String stored) {
    if (stored == null || stored.isEmpty()) {
      return EMPTY;
    }
    String clean = clean(stored);
    return new ReflectionHtml(clean, WordCount.of(clean));
  }

  private static String clean(String html) {
    Document dirty = Jsoup.parseBodyFragment(html, "");
    Document clean = new Cleaner(ALLOWED).clean(dirty);
    for (Element link : clean.select("a")) {
      if (link.text().isBlank()) {
        link.remove(); // a link with nothing to read or click (its image was dropped) is only a trap
      } else if (!link.hasAttr("href")) {
        link.unwrap(); // its address was not allowed: the text stays, as text
      }
    }
    clean.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
    return clean.body().html();
  }

  /** The sanitised HTML, safe to write unescaped into an element's content. */
  public String html() {
    return html;
  }

  /** Its words, counted as {@link WordCount} does. */
  public int words() {
    return words;
  }

  public boolean isEmpty() {
    return words == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReflectionHtml other && html.equals(other.html);
  }

  @Override
  public int hashCode() {
    return html.hashCode();
  }

  /** What was sent is longer than a reflection may be; nothing was stored. */
  public static final class TextTooLong extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int kilobytes;

    TextTooLong(int kilobytes) {
      super("A reflection may have at most " + kilobytes + " KB of formatted text");
      this.kilobytes = kilobytes;
    }

    /** The limit, in kilobytes, for the message the student sees. */
    public int kilobytes() {
      return kilobytes;
    }
  }
}
