package eu.somework.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding the word range in a prompt, whatever digits the language writes it in. */
class WordRangeTest {
  private static final WordRange RANGE = new WordRange(300, 500);

  @Test
  void asciiArabicIndicAndPersianDigitsAreNumbers() {
    assertEquals(List.of(300, 500), WordRangeReader.numbersIn("Write 300–500 words."));
    assertEquals(List.of(300, 500), WordRangeReader.numbersIn("اكتب ما بين ٣٠٠ و٥٠٠ كلمة."));
    assertEquals(List.of(300, 500), WordRangeReader.numbersIn("بین ۳۰۰ تا ۵۰۰ کلمه"));
  }

  @Test
  void aThousandsSeparatorJoinsOneDigitToThree() {
    assertEquals(List.of(1000, 2500), WordRangeReader.numbersIn("1 000–2\u00A0500 sanaa"));
    assertEquals(List.of(1000), WordRangeReader.numbersIn("1,000 words"));
    assertEquals(List.of(300, 500), WordRangeReader.numbersIn("300 500"), "two numbers, not 300500");
  }

  @Test
  void bothNumbersMustBeStated() {
    assertEquals(List.of(), WordRangeReader.missingFrom(RANGE, "300–500 słów"));
    assertEquals(List.of(500), WordRangeReader.missingFrom(RANGE, "about 300 words, 5000 at most"));
    assertEquals(List.of(300, 500), WordRangeReader.missingFrom(RANGE, "3000 words"));
  }

  @Test
  void theRangeCountsBothEnds() {
    assertTrue(RANGE.contains(300) && RANGE.contains(500));
    assertFalse(RANGE.contains(299) || RANGE.contains(501));
    assertThrows(IllegalArgumentException.class, () -> new WordRange(500, 300));
    assertThrows(IllegalArgumentException.class, () -> new WordRange(300, 5001));
  }
}
