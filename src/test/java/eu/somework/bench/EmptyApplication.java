package eu.somework.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The yardstick of issue 11 goal 4: Payara Micro with an application of one static page
 * ({@link ToolProcess#startEmptyApplication}), the same JVM options as the tool. Measures its
 * start-up (time and CPU seconds until {@code GET /} answers 200, classes loaded by then), its
 * resident memory 5 s later, and then its resident memory under the same concurrencies as the
 * tool's load: N clients, each on its own keep-alive connection, reading the page for a set time per
 * concurrency (the empty application's memory under load, not its idle memory, is what the tool's
 * is compared with).
 */
final class EmptyApplication {
  private EmptyApplication() {}

  /** One concurrency: requests answered, requests per second, highest VmRSS sampled. */
  record Level(int concurrency, long requests, double perSecond, double maxRss) {}

  /** What the run measured; {@code nativeMemory} is empty unless the JVM options enable NMT. */
  record Figures(Duration startUp, double cpuSeconds, long classes, double idleRss, List<Level> levels,
      String nativeMemoryIdle, String nativeMemoryLoaded, int failures, String firstFailure) {
    /** The highest VmRSS under load, or the idle one when no load was applied. */
    double maxRss() {
      return levels.stream().mapToDouble(Level::maxRss).max().orElse(idleRss);
    }

    /** The highest VmRSS at {@code concurrency}, or NaN when that level was not measured. */
    double maxRssAt(int concurrency) {
      return levels.stream().filter(l -> l.concurrency() == concurrency).mapToDouble(Level::maxRss).max()
          .orElse(Double.NaN);
    }
  }

  /**
   * Starts the empty application on {@code port}, measures, loads it with each concurrency of
   * {@code levels} for {@code seconds} each (none when {@code seconds} is 0), and stops it.
   */
  static Figures measure(Path micro, int port, Path dir, List<String> jvm, int[] levels, int seconds)
      throws Exception {
    try (ToolProcess app = ToolProcess.startEmptyApplication(micro, port, dir, jvm)) {
      Duration time = app.awaitReady("/", Duration.ofSeconds(300));
      double cpu = Machine.procCpuSeconds(app.pid());
      long classes = JvmFacts.loadedClasses(app.pid());
      Thread.sleep(5000);
      double idle = Machine.residentMiB(app.pid());
      String nmtIdle = JvmFacts.nativeMemory(app.pid(), jvm);
      List<Level> measured = new ArrayList<>();
      int failures = 0;
      String firstFailure = "";
      if (seconds > 0) {
        URI page = URI.create(app.baseUrl + "/");
        List<LoadBrowser> browsers = new ArrayList<>();
        for (int users : levels) {
          while (browsers.size() < users) {
            browsers.add(new LoadBrowser());
          }
          AtomicLong answered = new AtomicLong();
          AtomicLong maxRssKiB = new AtomicLong();
          try (JvmFacts.RssSampler sampler = JvmFacts.sample(app.pid(), maxRssKiB)) {
            Phase.Outcome outcome = Phase.run(browsers.subList(0, users), Integer.MAX_VALUE, seconds, (i, b) -> {
              LoadBrowser.Page p = b.get(page);
              if (p.status() != 200) {
                throw new IllegalStateException("the empty application answered HTTP " + p.status());
              }
              answered.incrementAndGet();
              return null;
            });
            if (outcome.failures() > 0 && failures == 0) {
              firstFailure = outcome.firstFailure();
            }
            failures += outcome.failures();
            sampler.sampleNow();
            measured.add(new Level(users, answered.get(), answered.get() / outcome.seconds(), maxRssKiB.get() / 1024.0));
          }
        }
      }
      String nmtLoaded = seconds > 0 ? JvmFacts.nativeMemory(app.pid(), jvm) : "";
      return new Figures(time, cpu, classes, idle, measured, nmtIdle, nmtLoaded, failures, firstFailure);
    }
  }
}
