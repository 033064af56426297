package eu.somework.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A duration's summary: every figure in seconds, quantiles and maximum over the latest durations. */
class SecondsSummaryTest {
  @Test
  void everyFigureIsInSeconds() {
    SecondsSummary summary = new SecondsSummary();
    for (int millis = 100; millis <= 1000; millis += 100) {
      summary.record(Duration.ofMillis(millis));
    }
    summary.record(Duration.ofSeconds(15));
    assertEquals(11, summary.count());
    assertEquals(20.5, summary.sum(), 1e-9);
    assertEquals(15.0, summary.max(), 1e-9);
    assertEquals(0.6, summary.quantile(0.5), 1e-9, "the 6th of 11, nearest rank");
    assertEquals(0.9, summary.quantile(0.75), 1e-9, "the 9th of 11");
    assertEquals(15.0, summary.quantile(0.95), 1e-9);
    assertEquals(15.0, summary.quantile(0.999), 1e-9);
  }

  @Test
  void beforeAnyDurationEveryFigureIsZero() {
    SecondsSummary summary = new SecondsSummary();
    assertEquals(0, summary.count());
    assertEquals(0.0, summary.sum());
    assertEquals(0.0, summary.max());
    assertEquals(0.0, summary.quantile(0.5));
  }

  @Test
  void quantilesAndMaximumForgetTheOldestButCountAndSumKeepEverything() {
    SecondsSummary summary = new SecondsSummary();
    summary.record(Duration.ofSeconds(30));
    for (int i = 0; i < SecondsSummary.WINDOW; i++) {
      summary.record(Duration.ofMillis(250));
    }
    assertEquals(SecondsSummary.WINDOW + 1, summary.count());
    assertEquals(30 + SecondsSummary.WINDOW * 0.25, summary.sum(), 1e-6);
    assertEquals(0.25, summary.max(), 1e-9, "the 30 s one left the window");
    assertEquals(0.25, summary.quantile(0.999), 1e-9);
  }
}
