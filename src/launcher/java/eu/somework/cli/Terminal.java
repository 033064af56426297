package eu.somework.cli;

/**
 * Text that came from the tool (names a platform chose, reasons, ids) made safe to print: control
 * characters, which could move the cursor or rewrite the terminal, and the bidirectional overrides,
 * which could make text read differently from what it is, become {@code ?}.
 */
final class Terminal {
  private Terminal() {}

  /** {@code text} with every control or bidirectional-override character replaced by {@code ?}; null stays null. */
  static String safe(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder safe = new StringBuilder(text.length());
    text.codePoints().forEach(c -> safe.appendCodePoint(printable(c) ? c : '?'));
    return safe.toString();
  }

  private static boolean printable(int c) {
    boolean control = Character.getType(c) == Character.CONTROL;
    boolean bidiOverride = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    return !control && !bidiOverride;
  }
}
