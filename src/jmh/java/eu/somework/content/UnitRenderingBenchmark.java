package eu.somework.content;

import eu.somework.web.UiLanguage;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A unit's text from Markdown (cold: what start-up pays once per unit and language) against what a
 * request pays: the cached {@link Unit#html} (the page around it: {@code module.UnitPageBenchmark}). Reads the
 * real module content ({@code module-content/}, or the folder in {@code -Dbench.content}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class UnitRenderingBenchmark {
  @Param({"data-protection"})
  public String unitId;

  @Param({"en", "ar"})
  public String language;

  private Path unitFolder;
  private UiLanguage uiLanguage;
  private String markdownSource;
  private final UnitMarkdown markdown = new UnitMarkdown();
  private Unit unit;

  @Setup
  public void setUp() throws Exception {
    unitFolder = Path.of(System.getProperty("bench.content", "module-content")).resolve(unitId);
    uiLanguage = UiLanguage.fromTag(language).orElseThrow();
    markdownSource = Files.readString(unitFolder.resolve(language + ".md"));
    unit = new UnitLoader().load(unitFolder).unit().orElseThrow(() -> new IllegalStateException("unit not valid: " + unitFolder));
    System.out.println("\n" + unitId + "/" + language + ".md: " + markdownSource.length() + " characters of Markdown, "
        + unit.html(uiLanguage).length() + " of HTML");
  }

  /** Markdown of one language to safe HTML: parse with source spans, rewrite links, render. */
  @Benchmark
  public String markdownCold() {
    return markdown.renderBody(markdown.parse(markdownSource), unitId);
  }

  /** The rendered text as a request gets it. */
  @Benchmark
  public String htmlCached() {
    return unit.html(uiLanguage);
  }
}
