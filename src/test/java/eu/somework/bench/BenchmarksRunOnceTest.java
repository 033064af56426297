package eu.somework.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every JMH benchmark of src/jmh/java once, on tiny settings in this JVM (no fork, no warm-up, one
 * iteration of 50 ms), so that they cannot rot between two measuring sessions; an error in any of
 * them fails the run. Not a measurement: docs/benchmarks.md has the real command.
 */
class BenchmarksRunOnceTest {
  @Test
  void everyBenchmarkRunsAndTheValidationComparisonIsPrinted() throws Exception {
    Optional<String> comparison = Jmh.run("-f", "0", "-wi", "0", "-i", "1", "-r", "50ms", "-foe", "true",
        ".*Benchmark.*");
    assertTrue(comparison.isPresent(), "the launch validation benchmarks ran");
    assertTrue(comparison.get().startsWith("Launch validation vs a bare RS256 verify: validate "), comparison.get());
    assertTrue(comparison.get().contains("× rsaVerifyOnly"), comparison.get());
  }

  @Test
  void withoutTheValidationBenchmarksThereIsNoComparison() {
    assertEquals(Optional.empty(), Jmh.comparison(List.of()));
  }
}
