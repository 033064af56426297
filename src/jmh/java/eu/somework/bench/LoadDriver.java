package eu.somework.bench;

import eu.somework.bench.Phase.Outcome;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Load against the running tool, started from the built jar on localhost: (a) complete launches
 * through the simulator, (b) unit pages read with a session token. N simulated people work at once;
 * every phase stops at its request count or its time limit, whichever comes first, and the whole
 * is repeated for several rounds on the same server to show the spread. Prints Markdown tables.
 *
 * <pre>
 * java -cp … eu.somework.bench.LoadDriver --jar target/somework.jar --port 48080 --data target/bench-data
 *     --content module-content --users 8 --launches 400 --reads 4000 --seconds 60 --rounds 3
 * </pre>
 */
public final class LoadDriver {
  private static final List<String> STUDENTS = List.of("sim-student-aino", "sim-student-janis", "sim-student-zofia",
      "sim-student-layla", "sim-student-sam");
  private static final String UNIT = "data-protection";

  private final DriverArgs args;
  private final int users;
  private final StringBuilder report = new StringBuilder();

  private LoadDriver(DriverArgs args) {
    this.args = args;
    this.users = args.integer("users", 8);
  }

  public static void main(String[] args) throws Exception {
    new LoadDriver(DriverArgs.parse(args)).run();
  }

  private void run() throws Exception {
    int port = args.integer("port", 48080);
    if (port == 8080 || port == 18080 || port == 18081) {
      throw new IllegalArgumentException("port " + port + " belongs to other runs; use e.g. 48080");
    }
    Path out = Path.of(args.text("out", "target/load-result.md"));
    List<String> jvm = List.of(args.text("jvm", "-Xmx768m").split(" "));
    line("## Load run " + Instant.now() + " — JDK " + System.getProperty("java.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " cores; " + users + " users; tool JVM " + jvm);
    try (ToolProcess tool = ToolProcess.start(Path.of(args.required("jar")), port, Path.of(args.required("data")).toAbsolutePath(),
        Path.of(args.required("content")).toAbsolutePath(), jvm)) {
      Duration started = tool.awaitReady(Duration.ofSeconds(240));
      line("Tool (pid " + tool.pid() + ") answered after " + started.toMillis() + " ms; load " + Machine.loadAverage());
      LaunchFlow flow = new LaunchFlow(tool.baseUrl);
      List<LoadBrowser> browsers = new ArrayList<>();
      for (int i = 0; i < users; i++) {
        browsers.add(new LoadBrowser());
      }
      // warm-up, not measured: JIT, connection pools, the platform key cache, every student's first read
      String[] tokens = new String[users];
      phase(browsers, args.integer("warmup-launches", 5 * users), 60, (i, browser) -> {
        tokens[i] = flow.launch(browser, STUDENTS.get(i % STUDENTS.size())).sessionToken();
        return null;
      });
      URI unitPage = URI.create(tool.baseUrl + "/app/units/" + UNIT + "?s=");
      phase(browsers, args.integer("warmup-reads", 50 * users), 60, (i, browser) -> readUnit(browser, unitPage, tokens[i]));
      line("Warm-up done: " + 5 * users + " launches, " + 50 * users + " unit reads; load " + Machine.loadAverage());
      int rounds = args.integer("rounds", 3);
      for (int round = 1; round <= rounds; round++) {
        launchRound(round, browsers, flow, tool);
        readRound(round, browsers, unitPage, tokens, tool);
      }
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report.toString());
    System.out.println("\nWritten to " + out.toAbsolutePath());
  }

  private void launchRound(int round, List<LoadBrowser> browsers, LaunchFlow flow, ToolProcess tool)
      throws InterruptedException {
    Map<LaunchFlow.Step, Latencies> steps = new EnumMap<>(LaunchFlow.Step.class);
    for (LaunchFlow.Step step : LaunchFlow.Step.values()) {
      steps.put(step, new Latencies());
    }
    Latencies whole = new Latencies();
    String loadBefore = Machine.loadAverage();
    long serverCpu = Machine.serverCpuNanos(tool);
    long driverCpu = Machine.driverCpuNanos();
    Outcome o = phase(browsers, args.integer("launches", 400), args.integer("seconds", 60), (i, browser) -> {
      LaunchFlow.Result r = flow.launch(browser, STUDENTS.get(i % STUDENTS.size()));
      r.nanos().forEach((step, nanos) -> steps.get(step).record(nanos));
      whole.record(r.totalNanos());
      return null;
    });
    line("");
    line("### Round " + round + " (a): complete launches through the simulator");
    line(String.format("%d launches in %.1f s = **%.1f launches/s** (%d failed%s); %s; load %s → %s",
        whole.count(), o.seconds(), whole.count() / o.seconds(), o.failures(), o.firstFailure(),
        cpu(tool, serverCpu, driverCpu, o.seconds()), loadBefore, Machine.loadAverage()));
    line("");
    line(Latencies.header());
    line(whole.row("whole launch (7 requests)"));
    steps.forEach((step, latencies) -> line(latencies.row(step.label)));
  }

  private void readRound(int round, List<LoadBrowser> browsers, URI unitPage, String[] tokens, ToolProcess tool)
      throws InterruptedException {
    Latencies reads = new Latencies();
    String loadBefore = Machine.loadAverage();
    long serverCpu = Machine.serverCpuNanos(tool);
    long driverCpu = Machine.driverCpuNanos();
    Outcome o = phase(browsers, args.integer("reads", 4000), args.integer("seconds", 60), (i, browser) -> {
      long start = System.nanoTime();
      readUnit(browser, unitPage, tokens[i]);
      reads.record(System.nanoTime() - start);
      return null;
    });
    line("");
    line("### Round " + round + " (b): reading a unit page with a session token");
    line(String.format("%d pages in %.1f s = **%.1f requests/s** (%d failed%s); %s; load %s → %s",
        reads.count(), o.seconds(), reads.count() / o.seconds(), o.failures(), o.firstFailure(),
        cpu(tool, serverCpu, driverCpu, o.seconds()), loadBefore, Machine.loadAverage()));
    line("");
    line(Latencies.header());
    line(reads.row("GET /app/units/" + UNIT));
  }

  private static Void readUnit(LoadBrowser browser, URI unitPage, String token) throws Exception {
    LoadBrowser.Page page = browser.get(URI.create(unitPage + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    if (page.status() != 200 || !page.body().contains("data-unit=\"" + UNIT + "\"")) {
      throw new IllegalStateException("unit page answered HTTP " + page.status() + ": "
          + LaunchFlow.abbreviate(page.body()));
    }
    return null;
  }
  /** A phase ({@link Phase#run}) in which more than a tenth of the runs failing ends the load run. */
  private static Outcome phase(List<LoadBrowser> browsers, int count, int seconds, Phase.Work work)
      throws InterruptedException {
    Outcome o = Phase.run(browsers, count, seconds, work);
    if (o.failures() > 0 && o.failures() * 10 > count) {
      throw new IllegalStateException(o.failures() + " of the requests failed" + o.firstFailure());
    }
    return o;
  }

  private static String cpu(ToolProcess tool, long serverCpuBefore, long driverCpuBefore, double seconds) {
    double server = (Machine.serverCpuNanos(tool) - serverCpuBefore) / 1e9 / seconds;
    double driver = (Machine.driverCpuNanos() - driverCpuBefore) / 1e9 / seconds;
    return String.format("CPU: tool %.2f cores, driver %.2f cores", server, driver);
  }

  private void line(String text) {
    System.out.println(text);
    report.append(text).append('\n');
  }
}
