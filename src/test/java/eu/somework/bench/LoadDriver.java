package eu.somework.bench;

import eu.somework.bench.Phase.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load from an external platform: the driver is its own process and its own LMS
 * ({@link BenchPlatform}: RSA key, key set served on loopback, registered through a platform file),
 * starts the tool from its built jar on H2 or an embedded PostgreSQL ({@link BenchDatabase}), and
 * makes complete Moodle-style launches ({@link PlatformLaunch}) at each concurrency for a set time
 * after a warm-up, then reads a unit page with each launch's session. Reports launches/s, latency
 * percentiles, errors, the tool's CPU per launch from {@code /proc/<pid>/stat}, database statements
 * per launch, resident memory idle and under load, and start-up time beside an empty Payara Micro
 * application. Any failed request fails the run: {@link #main} then exits with 1. With
 * {@code --peer ltijs} it measures the peer tool of issue 11 instead of the jar ({@link LtijsPeer}:
 * ltijs on the same embedded PostgreSQL, in its own database, launched by the same platform), with
 * the same figures.
 *
 * <pre>
 * java -cp … eu.somework.bench.LoadDriver --jar target/somework.jar --content module-content
 *     [--db h2|postgres] [--concurrency 1,8,32,128] [--seconds 30] [--read-seconds 15]
 *     [--warmup-seconds 40] [--warmup-concurrency 8] [--port 48100] [--data target/bench-data]
 *     [--micro target/payara-micro.jar] [--empty-app true] [--jvm -Xmx768m] [--out target/load-result.md]
 *     [--max-launches N] [--max-reads N] [--idle-seconds 10] [--empty-seconds 15] [--settle-seconds 90]
 * java -cp … eu.somework.bench.LoadDriver --peer ltijs [--peer-dir bench/peer-ltijs] [--db postgres] …
 * </pre>
 * After the warm-up the launches go on at concurrency 1 in 5-second slices until the tool's JIT
 * compiles fewer than {@value #SETTLED_COMPILATIONS} methods in a slice, for at most
 * {@code --settle-seconds}: at a saturating concurrency the JIT's compiler threads share the cores with
 * the request threads and lag for minutes, which made the same code measure 2–4× its settled CPU per
 * launch. Each measured phase reports the methods the JIT compiled during it.
 * The empty application ({@link EmptyApplication}) is loaded at the same concurrencies for
 * {@code --empty-seconds} each, so that the tool's memory under load is compared with its memory
 * under load; with {@code --jvm "… -XX:NativeMemoryTracking=summary"} both processes' native memory
 * summaries are reported too.
 * Ports: the tool on {@code port}, the platform on {@code port + 1}, PostgreSQL on {@code port + 2},
 * the empty application on {@code port + 3}.
 */
public final class LoadDriver {
  /** A 5-second slice at concurrency 1 with fewer JIT compilations than this ends the settling. */
  static final int SETTLED_COMPILATIONS = 20;
  private final DriverArgs args;
  private final StringBuilder report = new StringBuilder();
  private final List<String> launchRows = new ArrayList<>();
  private final List<String> readRows = new ArrayList<>();
  private final List<String> hopRows = new ArrayList<>();
  private final List<String> kindRows = new ArrayList<>();
  private final Map<Integer, Double> rssByLevel = new java.util.TreeMap<>();
  private int failures;
  private double idleCores;
  private int idleSeconds;
  private String settling = "";
  private long launches;
  private long reads;

  private LoadDriver(DriverArgs args) {
    this.args = args;
  }

  /** What a run did: the counts the test checks, and the Markdown report. */
  public record Summary(long launches, long reads, int failures, String report) {}

  /** The command line of the class comment; exits with 1 when any request failed. */
  public static void main(String[] args) throws Exception {
    Summary summary = run(args);
    if (summary.failures() > 0) {
      System.err.println("FAILED: " + summary.failures() + " request(s) failed; see the report above");
      System.exit(1);
    }
  }

  /** Runs the whole measurement; failed requests end it early and are counted in the summary. */
  public static Summary run(String... args) throws Exception {
    LoadDriver driver = new LoadDriver(DriverArgs.parse(args));
    driver.measure();
    return new Summary(driver.launches, driver.reads, driver.failures, driver.report.toString());
  }

  private void measure() throws Exception {
    int port = args.integer("port", 48100);
    if (port == 8080 || port == 18080 || port == 18081) {
      throw new IllegalArgumentException("port " + port + " belongs to other runs; use e.g. 48100");
    }
    boolean peer = !"none".equals(args.text("peer", "none"));
    if (peer && !LtijsPeer.NAME.equals(args.text("peer", "none"))) {
      throw new IllegalArgumentException("--peer " + args.text("peer", "") + ": the one peer is " + LtijsPeer.NAME);
    }
    Path jar = peer ? null : Path.of(args.required("jar")).toAbsolutePath();
    Path micro = peer ? null : Path.of(args.text("micro", jar.resolveSibling("payara-micro.jar").toString())).toAbsolutePath();
    Path data = Path.of(args.text("data", "target/bench-data")).toAbsolutePath();
    Path content = peer ? null : Path.of(args.required("content")).toAbsolutePath();
    Path out = Path.of(args.text("out", "target/load-result.md")).toAbsolutePath();
    String db = args.text("db", peer ? "postgres" : "h2");
    if (peer && !"postgres".equals(db)) {
      throw new IllegalArgumentException("the ltijs peer runs on PostgreSQL (ltijs-sequelize): --db postgres");
    }
    List<String> jvm = List.of(args.text("jvm", "-Xmx768m").split(" "));
    int[] levels = Arrays.stream(args.text("concurrency", "1,8,32,128").split(",")).map(String::trim)
        .mapToInt(Integer::parseInt).toArray();
    int seconds = args.integer("seconds", 30);
    int readSeconds = args.integer("read-seconds", 15);
    int warmupSeconds = args.integer("warmup-seconds", 40);
    int warmupUsers = args.integer("warmup-concurrency", 8);
    int maxLaunches = args.integer("max-launches", Integer.MAX_VALUE);
    int maxReads = args.integer("max-reads", Integer.MAX_VALUE);
    idleSeconds = Math.max(1, args.integer("idle-seconds", 10));
    int settleSeconds = args.integer("settle-seconds", 90);

    ToolProcess.deleteRecursively(data);
    Files.createDirectories(data);
    String toolName = peer ? LtijsPeer.prepare(Path.of(args.text("peer-dir", LtijsPeer.DIR))) : "SoMe@Work";
    line("## Load from an external platform, " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " — " + toolName
        + ", " + db);
    line("");
    line("JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.vendor") + "), "
        + Runtime.getRuntime().availableProcessors() + " cores, " + Machine.memoryTotal() + ", " + Machine.os()
        + (peer ? "" : "; tool JVM " + jvm) + "; concurrency " + Arrays.toString(levels) + ", " + seconds + " s of launches and "
        + readSeconds + " s of page reads each, after " + warmupSeconds + " s of launches at " + warmupUsers
        + " (and " + Math.min(warmupSeconds, 10) + " s of reads) not counted; load average at the start "
        + Machine.loadAverage());

    EmptyApplication.Figures empty = null;
    if (!peer && Boolean.parseBoolean(args.text("empty-app", "true"))) {
      empty = EmptyApplication.measure(micro, port + 3, data.resolve("empty-app"), jvm, levels,
          args.integer("empty-seconds", 15));
      failures += empty.failures();
    }
    try (BenchDatabase database = "postgres".equals(db)
        ? BenchDatabase.postgres(data.resolve("postgres"), port + 2, peer ? LtijsPeer.DATABASE : "somework")
        : BenchDatabase.h2(data.resolve("db"));
        BenchPlatform platform = new BenchPlatform(port + 1)) {
      platform.writeRegistration(data.resolve("platforms"));
      try (ToolProcess tool = peer
          ? LtijsPeer.start(Path.of(args.text("peer-dir", LtijsPeer.DIR)), port, data, platform, port + 2)
          : ToolProcess.start(jar, port, data, data.resolve("platforms"), content, jvm, database.toolProperties())) {
        String readyPath = peer ? LtijsPeer.READY_PATH : "/.well-known/jwks.json";
        Duration started = tool.awaitReady(readyPath, Duration.ofSeconds(300));
        double startCpu = Machine.procCpuSeconds(tool.pid());
        long startClasses = peer ? -1 : JvmFacts.loadedClasses(tool.pid());
        Thread.sleep(5000);
        double idleRss = Machine.residentMiB(tool.pid());
        String nmtIdle = JvmFacts.nativeMemory(tool.pid(), jvm);
        database.connect();
        line("Database: " + database.describe() + ".");
        line("");
        PlatformLaunch flow = new PlatformLaunch(tool.baseUrl, platform, peer ? LtijsPeer.ROUTES : PlatformLaunch.SOMEWORK);
        List<LoadBrowser> browsers = new ArrayList<>();
        String[] tokens = new String[Arrays.stream(levels).max().orElse(1) + warmupUsers];
        for (int i = 0; i < tokens.length; i++) {
          browsers.add(new LoadBrowser());
        }
        // warm-up, not counted: JIT, connection pools, the platform key set, every reader's first launch
        Outcome warm = Phase.run(browsers.subList(0, warmupUsers), maxLaunches, warmupSeconds,
            (i, b) -> launchOnce(flow, b, i, tokens, null, null));
        check("warm-up launches", warm);
        check("warm-up reads", Phase.run(browsers.subList(0, warmupUsers), maxReads, Math.min(warmupSeconds, 10),
            (i, b) -> read(flow, b, tokens[i])));
        settle(tool, flow, browsers.subList(0, 1), tokens, settleSeconds, maxLaunches);
        // what the tool burns with no request (background jobs, JIT, GC): read the per-launch figures beside it
        double idleCpuBefore = Machine.procCpuSeconds(tool.pid());
        Thread.sleep(idleSeconds * 1000L);
        idleCores = (Machine.procCpuSeconds(tool.pid()) - idleCpuBefore) / idleSeconds;
        int fetchesBefore = platform.keySetFetches();
        double maxRss = 0;
        for (int users : levels) {
          if (failures > 0) {
            break;
          }
          double rss = launchPhase(users, browsers.subList(0, users), flow, tokens, tool, database, seconds,
              maxLaunches);
          if (failures == 0) {
            rss = Math.max(rss, readPhase(users, browsers.subList(0, users), flow, tokens, tool, database,
                readSeconds, maxReads));
          }
          rssByLevel.merge(users, rss, Math::max);
          maxRss = Math.max(maxRss, rss);
        }
        String nmtLoaded = JvmFacts.nativeMemory(tool.pid(), jvm);
        int keyFetches = platform.keySetFetches() - fetchesBefore;
        writeTables(keyFetches, flow);
        line("");
        line("### Start-up and memory");
        line("");
        line("| process | start → first 200 | CPU s in start-up | classes loaded | VmRSS idle MiB | VmRSS under load (max) MiB |");
        line("|---|---:|---:|---:|---:|---:|");
        line(String.format("| %s (`GET %s`) | %.1f s | %.1f | %s | %.0f | %.0f |", peer ? LtijsPeer.NAME : "SoMe@Work",
            readyPath, started.toMillis() / 1000.0, startCpu, peer ? "–" : Long.toString(startClasses), idleRss, maxRss));
        if (empty != null) {
          line(String.format("| empty Payara Micro application (`GET /`, one static page) | %.1f s | %.1f | %d | %.0f | %.0f |",
              empty.startUp().toMillis() / 1000.0, empty.cpuSeconds(), empty.classes(), empty.idleRss(),
              empty.maxRss()));
          line("");
          line(String.format("Start-up %.2f× the empty application's (wall), %.2f× (CPU seconds); resident memory idle"
              + " %.2f×, under load %.2f× the empty application's under load (highest of each).",
              started.toMillis() / (double) empty.startUp().toMillis(), startCpu / empty.cpuSeconds(),
              idleRss / empty.idleRss(), maxRss / empty.maxRss()));
          writeMemoryByLevel(empty, rssByLevel);
        }
        if (!nmtIdle.isEmpty()) {
          line("");
          line("Native memory tracking (`jcmd <pid> VM.native_memory summary`), committed MiB by category:");
          line("");
          line("- SoMe@Work idle: " + nmtIdle);
          line("- SoMe@Work after the load: " + nmtLoaded);
          if (empty != null) {
            line("- empty application idle: " + empty.nativeMemoryIdle());
            line("- empty application after its load: " + empty.nativeMemoryLoaded());
          }
        }
        line("");
        line("Tool log: " + tool.log + "; load average at the end " + Machine.loadAverage());
      }
    } finally {
      Files.createDirectories(out.getParent());
      Files.writeString(out, report.toString());
      System.out.println("\nWritten to " + out);
    }
  }

  /** The tool's and the empty application's highest VmRSS at each concurrency, side by side. */
  private void writeMemoryByLevel(EmptyApplication.Figures empty, Map<Integer, Double> tool) {
    line("");
    line("| concurrency | SoMe@Work VmRSS max MiB | empty application VmRSS max MiB (its requests/s) | ratio |");
    line("|---:|---:|---:|---:|");
    for (EmptyApplication.Level level : empty.levels()) {
      Double rss = tool.get(level.concurrency());
      line(String.format("| %d | %s | %.0f (%.0f/s) | %s |", level.concurrency(),
          rss == null ? "–" : String.format("%.0f", rss), level.maxRss(), level.perSecond(),
          rss == null ? "–" : String.format("%.2f×", rss / level.maxRss())));
    }
  }

  private Void launchOnce(PlatformLaunch flow, LoadBrowser browser, int i, String[] tokens,
      Latencies whole, Map<PlatformLaunch.Step, Latencies> hops) throws Exception {
    PlatformLaunch.Result r = flow.launch(browser, "bench-learner-" + i);
    tokens[i] = r.sessionToken();
    if (whole != null) {
      whole.record(r.totalNanos());
      r.nanos().forEach((step, nanos) -> hops.get(step).record(nanos));
    }
    return null;
  }

  /**
   * Launches at concurrency 1 in 5-second slices (not counted) until a slice sees fewer than
   * {@link #SETTLED_COMPILATIONS} JIT compilations or {@code maxSeconds} are up; a process whose
   * compilations jstat cannot count (the Node.js peer) gets the whole time.
   */
  private void settle(ToolProcess tool, PlatformLaunch flow, List<LoadBrowser> one, String[] tokens, int maxSeconds,
      int maxLaunches) throws Exception {
    long start = System.nanoTime();
    long lastSlice = -1;
    int slices = 0;
    int left;
    while ((left = (int) (maxSeconds - (System.nanoTime() - start) / 1e9)) >= 1) {
      long before = JvmFacts.jitCompilations(tool.pid());
      Outcome slice = Phase.run(one, maxLaunches, Math.min(5, left), (i, b) -> launchOnce(flow, b, i, tokens, null, null));
      check("settling launches", slice);
      slices++;
      long after = JvmFacts.jitCompilations(tool.pid());
      lastSlice = before < 0 || after < 0 ? -1 : after - before;
      if (failures > 0 || (lastSlice >= 0 && lastSlice < SETTLED_COMPILATIONS)) {
        break;
      }
    }
    settling = String.format("After the warm-up, %.0f s of launches at concurrency 1 (%d slice(s) of up to 5 s, not counted)"
        + " for the JIT to settle: %s.",
        (System.nanoTime() - start) / 1e9, slices,
        lastSlice < 0 ? "its compilations cannot be counted for this process"
            : lastSlice < SETTLED_COMPILATIONS ? lastSlice + " methods compiled in the last slice"
            : "not settled, " + lastSlice + " methods compiled in the last slice");
  }

  private double launchPhase(int users, List<LoadBrowser> browsers, PlatformLaunch flow, String[] tokens,
      ToolProcess tool, BenchDatabase database, int seconds, int max) throws Exception {
    Map<PlatformLaunch.Step, Latencies> hops = new EnumMap<>(PlatformLaunch.Step.class);
    for (PlatformLaunch.Step step : PlatformLaunch.Step.values()) {
      hops.put(step, new Latencies());
    }
    Latencies whole = new Latencies();
    Measured m = measured(tool, database, () -> Phase.run(browsers, max, seconds,
        (i, b) -> launchOnce(flow, b, i, tokens, whole, hops)));
    check("launches at " + users, m.outcome);
    int n = whole.count();
    launches += n;
    launchRows.add(String.format("| %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %.2f | %s | %s | %.2f | %.0f | %s | %s |",
        users, n, n / m.outcome.seconds(), whole.percentileMillis(50), whole.percentileMillis(95),
        whole.percentileMillis(99), whole.percentileMillis(100), m.outcome.failures(), m.cpu * 1000 / n,
        perUnit(m.db.statements(), n), perUnit(m.db.transactions(), n), m.cpu / m.outcome.seconds(), m.maxRss,
        m.load, m.jit));
    StringBuilder hopRow = new StringBuilder("| " + users + " |");
    for (PlatformLaunch.Step step : PlatformLaunch.Step.values()) {
      Latencies l = hops.get(step);
      hopRow.append(String.format(" %.1f / %.1f / %.1f |", l.percentileMillis(50), l.percentileMillis(95),
          l.percentileMillis(99)));
    }
    hopRows.add(hopRow.toString());
    kindRows.add("| " + users + " | " + m.db.kindsPer(n) + " |");
    System.out.println(launchRows.get(launchRows.size() - 1));
    return m.maxRss;
  }

  private double readPhase(int users, List<LoadBrowser> browsers, PlatformLaunch flow, String[] tokens, ToolProcess tool,
      BenchDatabase database, int seconds, int max) throws Exception {
    Latencies latencies = new Latencies();
    Measured m = measured(tool, database, () -> Phase.run(browsers, max, seconds, (i, b) -> {
      long start = System.nanoTime();
      read(flow, b, tokens[i]);
      latencies.record(System.nanoTime() - start);
      return null;
    }));
    check("unit reads at " + users, m.outcome);
    int n = latencies.count();
    reads += n;
    readRows.add(String.format("| %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %.2f | %s | %s | %.2f | %.0f | %s | %s |",
        users, n, n / m.outcome.seconds(), latencies.percentileMillis(50), latencies.percentileMillis(95),
        latencies.percentileMillis(99), latencies.percentileMillis(100), m.outcome.failures(), m.cpu * 1000 / n,
        perUnit(m.db.statements(), n), perUnit(m.db.transactions(), n), m.cpu / m.outcome.seconds(), m.maxRss,
        m.load, m.jit));
    System.out.println(readRows.get(readRows.size() - 1));
    return m.maxRss;
  }

  private interface PhaseRun {
    Outcome run() throws Exception;
  }

  private record Measured(Outcome outcome, double cpu, BenchDatabase.Counts db, double maxRss, String load,
      String jit) {}

  /** Runs a phase with the tool's CPU, statements and resident memory (sampled every 500 ms) around it. */
  private static Measured measured(ToolProcess tool, BenchDatabase database, PhaseRun phase) throws Exception {
    String loadBefore = Machine.loadAverage().split(" ")[0];
    BenchDatabase.Counts dbBefore = database.counts();
    long jitBefore = JvmFacts.jitCompilations(tool.pid());
    double cpuBefore = Machine.procCpuSeconds(tool.pid());
    AtomicLong maxRssKiB = new AtomicLong();
    Outcome outcome;
    double cpu;
    long jitAfter;
    try (JvmFacts.RssSampler sampler = JvmFacts.sample(tool.pid(), maxRssKiB)) {
      outcome = phase.run();
      cpu = Machine.procCpuSeconds(tool.pid()) - cpuBefore;
      jitAfter = JvmFacts.jitCompilations(tool.pid());
      sampler.sampleNow();
    }
    // PostgreSQL's backends publish their transaction counts at most once a second
    Thread.sleep(1100);
    BenchDatabase.Counts db = database.counts().minus(dbBefore);
    return new Measured(outcome, cpu, db, maxRssKiB.get() / 1024.0,
        loadBefore + " → " + Machine.loadAverage().split(" ")[0],
        jitBefore < 0 || jitAfter < 0 ? "–" : Long.toString(jitAfter - jitBefore));
  }

  private static String perUnit(long count, int n) {
    return String.format("%.1f", (double) count / n);
  }

  private void check(String phase, Outcome outcome) {
    if (outcome.failures() > 0) {
      failures += outcome.failures();
      line("");
      line("**" + phase + ": " + outcome.failures() + " request(s) failed" + outcome.firstFailure() + "**");
    }
  }

  private void writeTables(int keyFetches, PlatformLaunch flow) {
    line("### Complete launches (login initiation → id_token POST → landing page)");
    line("");
    line("| concurrency | launches | launches/s | p50 ms | p95 ms | p99 ms | max ms | errors | tool CPU ms/launch"
        + " | DB statements/launch | DB transactions/launch | tool cores | VmRSS max MiB | load 1 min"
        + " | JIT compilations |");
    line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
    launchRows.forEach(this::line);
    line("");
    line("Platform key-set fetches by the tool during the measured phases: " + keyFetches + ". The tool's CPU"
        + String.format(" with no request, over %d s after the warm-up: %.3f cores (included in the per-launch",
        idleSeconds, idleCores)
        + " and per-read figures). " + settling);
    line("");
    line("Per hop, p50 / p95 / p99 ms:");
    line("");
    StringBuilder header = new StringBuilder("| concurrency |");
    StringBuilder rule = new StringBuilder("|---:|");
    for (PlatformLaunch.Step step : PlatformLaunch.Step.values()) {
      header.append(' ').append(flow.label(step)).append(" |");
      rule.append("---:|");
    }
    line(header.toString());
    line(rule.toString());
    hopRows.forEach(this::line);
    line("");
    line("Database statements per launch by their first word (transaction control included):");
    line("");
    line("| concurrency | per launch |");
    line("|---:|---|");
    kindRows.forEach(this::line);
    line("");
    line("### Page reads (" + flow.readDescription() + " with the session of each reader's last launch)");
    line("");
    line("| concurrency | reads | reads/s | p50 ms | p95 ms | p99 ms | max ms | errors | tool CPU ms/read"
        + " | DB statements/read | DB transactions/read | tool cores | VmRSS max MiB | load 1 min"
        + " | JIT compilations |");
    line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
    readRows.forEach(this::line);
  }

  private static Void read(PlatformLaunch flow, LoadBrowser browser, String token) throws Exception {
    flow.read(browser, token);
    return null;
  }

  private void line(String text) {
    System.out.println(text);
    report.append(text).append('\n');
  }
}
