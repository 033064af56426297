package eu.somework.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The labels of failed score deliveries: few values, none taken from a platform's text. */
class ScoreDeliveryMetricsTest {
  @Test
  void failuresAreRetryOrRefusedAndDeliveriesAreNone() {
    assertEquals(Optional.of("retry"), ScoreDeliveryMetrics.failureOutcome(
        new DeliveryOutcome.RetryLater(Optional.of(503), "Service Unavailable", Optional.of(Duration.ofSeconds(9)))));
    assertEquals(Optional.of("refused"), ScoreDeliveryMetrics.failureOutcome(
        new DeliveryOutcome.Refused(400, "bad score")));
    assertEquals(Optional.empty(), ScoreDeliveryMetrics.failureOutcome(new DeliveryOutcome.Delivered(200)));
    assertEquals(Optional.empty(), ScoreDeliveryMetrics.failureOutcome(new DeliveryOutcome.Outdated(409)));
  }

  @Test
  void theStatusLabelIsAnHttpStatusOrNone() {
    assertEquals("503", ScoreDeliveryMetrics.statusLabel(Optional.of(503)));
    assertEquals("none", ScoreDeliveryMetrics.statusLabel(Optional.empty()), "a timeout: no answer");
    assertEquals("none", ScoreDeliveryMetrics.statusLabel(Optional.of(0)), "refused by the tool itself");
    assertEquals("none", ScoreDeliveryMetrics.statusLabel(Optional.of(1234567)), "not an HTTP status");
  }
}
