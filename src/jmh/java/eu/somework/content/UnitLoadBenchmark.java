package eu.somework.content;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading one unit folder as start-up does: {@code unit.yaml}, five Markdown texts read from disk,
 * checked (links, images, self-checks) and rendered. The cost of "cold" for a whole unit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class UnitLoadBenchmark {
  private final UnitLoader loader = new UnitLoader();
  private Path unitFolder;

  @Setup
  public void setUp() {
    unitFolder = Path.of(System.getProperty("bench.content", "module-content")).resolve("data-protection");
    if (loader.load(unitFolder).unit().isEmpty()) {
      throw new IllegalStateException("unit not valid: " + unitFolder);
    }
  }

  @Benchmark
  public Optional<Unit> unitLoadCold() {
    return loader.load(unitFolder).unit();
  }
}
