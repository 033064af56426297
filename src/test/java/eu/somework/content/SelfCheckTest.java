package eu.somework.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Q:/A: format of module-content/README.md, and the exact complaint for each way to get it wrong. */
class SelfCheckTest {

  @Test
  void pairsSeparatedByBlankLinesAreRead() {
    SelfCheck check = SelfCheck.parse("Q: One?\nA: Yes.\n\nQ: Two?\nA: No.\n");
    assertTrue(check.isWellFormed());
    assertEquals(List.of(new SelfCheck.Pair("One?", "Yes."), new SelfCheck.Pair("Two?", "No.")), check.pairs());
  }

  @Test
  void aQuestionWithoutAnswerIsNamedAtItsLine() {
    assertEquals(List.of(new SelfCheck.Mistake(3, "self-check question needs an 'A:' line directly after it")),
        SelfCheck.parse("Q: One?\nA: Yes.\n\nQ: Two?\n\nQ: Three?\nA: Maybe.\n").mistakes());
  }

  @Test
  void anAnswerWithoutQuestionIsNamed() {
    assertEquals(List.of(new SelfCheck.Mistake(0, "self-check answer has no 'Q:' line directly above it")),
        SelfCheck.parse("A: Orphan.\n").mistakes());
  }

  @Test
  void twoAnswersToOneQuestionAreNamed() {
    assertEquals(List.of(new SelfCheck.Mistake(2,
            "a self-check question has exactly one 'A:' line; separate pairs with a blank line")),
        SelfCheck.parse("Q: One?\nA: Yes.\nA: Also yes.\n").mistakes());
  }

  @Test
  void otherTextIsNamed() {
    assertEquals(List.of(new SelfCheck.Mistake(0, "self-check line must start with 'Q:' or 'A:'")),
        SelfCheck.parse("Question: One?\n").mistakes());
  }

  @Test
  void anEmptyAnswerIsNamed() {
    assertEquals(List.of(new SelfCheck.Mistake(1, "self-check question and answer must not be empty")),
        SelfCheck.parse("Q: One?\nA:\n").mistakes());
  }
}
