package eu.somework.content;

/**
 * How long a reflection should be, in words, as {@code reflection.words} in unit.yaml declares it:
 * {@code 0 < min < max <= }{@link #LIMIT}. The same in every language; each prompt states it.
 */
public record WordRange(int min, int max) {
  /** The longest reflection a unit may ask for. */
  public static final int LIMIT = 5000;

  public WordRange {
    if (min < 1 || min >= max || max > LIMIT) {
      throw new IllegalArgumentException("a word range needs 0 < min < max <= " + LIMIT + ", not " + min + "-" + max);
    }
  }

  /** Whether a reflection of {@code words} words is inside the range, both ends included. */
  public boolean contains(int words) {
    return words >= min && words <= max;
  }
}
