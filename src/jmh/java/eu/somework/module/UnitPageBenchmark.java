package eu.somework.module;

import eu.somework.content.ContentCatalogue;
import eu.somework.content.Unit;
import eu.somework.progress.ProgressStatus;
import eu.somework.web.UiLanguage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole unit page a request builds around the unit's cached text: layout, outcomes, reflection
 * task and rubric, language menu (in this package since the pages moved from {@code content} to
 * {@code module}). Reads the real module content ({@code module-content/}, or {@code -Dbench.content}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class UnitPageBenchmark {
  @Param({"data-protection"})
  public String unitId;

  @Param({"en", "ar"})
  public String language;

  private UiLanguage uiLanguage;
  private Unit unit;
  private AppLinks links;

  @Setup
  public void setUp() {
    Path content = Path.of(System.getProperty("bench.content", "module-content"));
    uiLanguage = UiLanguage.fromTag(language).orElseThrow();
    unit = ContentCatalogue.from(content).find(unitId)
        .orElseThrow(() -> new IllegalStateException("unit not valid: " + unitId));
    links = new AppLinks("eyJhbGciOiJIUzI1NiJ9.session-token-of-about-the-real-length.signature-part-0123456789",
        Optional.empty());
    System.out.println("\n" + unitId + "/" + language + ": page " + page().length() + " characters");
  }

  /** The unit page around the cached text. */
  @Benchmark
  public String page() {
    return UnitPage.render(unit, uiLanguage, links, Optional.of(ProgressStatus.READ));
  }
}
