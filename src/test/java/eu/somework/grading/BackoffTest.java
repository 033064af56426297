package eu.somework.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static Backoff at(double random) {
    return new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5), () -> random);
  }

  @Test
  void theStepDoublesFromTheFirstDelayUpToTheCap() {
    assertEquals(Duration.ofSeconds(10), at(1.0).after(1, Optional.empty()));
    assertEquals(Duration.ofSeconds(20), at(1.0).after(2, Optional.empty()));
    assertEquals(Duration.ofSeconds(160), at(1.0).after(5, Optional.empty()));
    assertEquals(Duration.ofMinutes(5), at(1.0).after(6, Optional.empty()));
    assertEquals(Duration.ofMinutes(5), at(1.0).after(500, Optional.empty()), "no overflow after many attempts");
  }

  @Test
  void jitterKeepsAtLeastHalfTheStep() {
    assertEquals(Duration.ofSeconds(5), at(0.0).after(1, Optional.empty()));
    assertEquals(Duration.ofSeconds(15), at(0.5).after(2, Optional.empty()));
  }

  @Test
  void aLongerRetryAfterWinsButNotBeyondTheCap() {
    assertEquals(Duration.ofSeconds(90), at(1.0).after(1, Optional.of(Duration.ofSeconds(90))));
    assertEquals(Duration.ofSeconds(10), at(1.0).after(1, Optional.of(Duration.ofSeconds(2))), "a shorter one does not");
    assertEquals(Duration.ofMinutes(5), at(1.0).after(1, Optional.of(Duration.ofDays(1))));
  }
}
