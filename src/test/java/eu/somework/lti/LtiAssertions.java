package eu.somework.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks a refusal the way a user would meet it: which check failed, and what it says. */
final class LtiAssertions {
  private LtiAssertions() {}

  static void assertRejected(LtiException e, LtiFailure failure, String messagePart) {
    assertEquals(failure, e.failure(), e.getMessage());
    assertTrue(e.getMessage().contains(messagePart), "message was: " + e.getMessage());
  }
}
