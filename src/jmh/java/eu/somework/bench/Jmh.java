package eu.somework.bench;

import java.util.Collection;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * JMH's command line ({@code org.openjdk.jmh.Main}'s options) followed by the comparison issue 11
 * keeps visible: the tool's whole id_token check ({@code LaunchValidationBenchmark.validate}) against
 * the bare RS256 signature check ({@code rsaVerifyOnly}) and the parsing alone ({@code parseOnly}),
 * printed when those benchmarks ran.
 */
public final class Jmh {
  private Jmh() {}

  /** JMH's command line, then the comparison line when there is one. */
  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    run(args).ifPresent(System.out::println);
  }

  /** Runs JMH with {@code args}; returns the comparison line when the launch validation benchmarks ran. */
  public static Optional<String> run(String... args) throws RunnerException, CommandLineOptionException {
    Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
    return comparison(results);
  }

  static Optional<String> comparison(Collection<RunResult> results) {
    Optional<RunResult> validate = find(results, "LaunchValidationBenchmark.validate");
    Optional<RunResult> verify = find(results, "LaunchValidationBenchmark.rsaVerifyOnly");
    if (validate.isEmpty() || verify.isEmpty()) {
      return Optional.empty();
    }
    double v = validate.get().getPrimaryResult().getScore();
    double rsa = verify.get().getPrimaryResult().getScore();
    String unit = validate.get().getPrimaryResult().getScoreUnit();
    String parse = find(results, "LaunchValidationBenchmark.parseOnly")
        .map(r -> String.format("; parsing alone %.1f %s", r.getPrimaryResult().getScore(), unit)).orElse("");
    return Optional.of(String.format("Launch validation vs a bare RS256 verify: validate %.1f %s = %.2f × rsaVerifyOnly"
        + " %.1f %s (our checks and parsing add %.1f %s over the signature check%s)", v, unit, v / rsa, rsa, unit,
        v - rsa, unit, parse));
  }

  private static Optional<RunResult> find(Collection<RunResult> results, String suffix) {
    return results.stream().filter(r -> r.getParams().getBenchmark().endsWith(suffix)).findFirst();
  }
}
