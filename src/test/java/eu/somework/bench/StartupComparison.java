package eu.somework.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Start-up of the tool beside the empty Payara Micro application (issue 11 goal 4), several times,
 * alternating (empty application, the tool on a fresh data folder, the tool again on the data it
 * just made) so that a change in the machine's load touches all three alike. Per start: time from
 * the process's start until the first 200 ({@code GET /} for the empty application,
 * {@code GET /.well-known/jwks.json} for the tool), the process's CPU seconds until then (utime +
 * stime of {@code /proc/<pid>/stat}: on a shared machine the steadier figure), classes loaded by
 * then, VmRSS 5 s later, and the load average before and after. Ends with the medians and the
 * ratios of the tool's medians to the empty application's.
 *
 * <pre>
 * java -cp … eu.somework.bench.StartupComparison --jar target/somework.jar --content module-content
 *     [--micro target/payara-micro.jar] [--starts 3] [--port 48110] [--data target/bench-startup]
 *     [--jvm -Xmx768m] [--out target/startup-result.md]
 * </pre>
 * Ports: the tool on {@code port}, the empty application on {@code port + 3}.
 */
public final class StartupComparison {
  private final StringBuilder report = new StringBuilder();

  private StartupComparison() {}

  /** One start: what it cost and the load around it. */
  record Start(String kind, int round, double seconds, double cpuSeconds, long classes, double idleRss,
      String load) {}

  /** The command line of the class comment. */
  public static void main(String[] args) throws Exception {
    new StartupComparison().measure(DriverArgs.parse(args));
  }

  private void measure(DriverArgs args) throws Exception {
    Path jar = Path.of(args.required("jar")).toAbsolutePath();
    Path micro = Path.of(args.text("micro", jar.resolveSibling("payara-micro.jar").toString())).toAbsolutePath();
    Path content = Path.of(args.required("content")).toAbsolutePath();
    Path data = Path.of(args.text("data", "target/bench-startup")).toAbsolutePath();
    Path out = Path.of(args.text("out", "target/startup-result.md")).toAbsolutePath();
    int port = args.integer("port", 48110);
    int starts = args.integer("starts", 3);
    List<String> jvm = List.of(args.text("jvm", "-Xmx768m").split(" "));
    line("## Start-up beside an empty Payara Micro application, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
    line("");
    line("JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.vendor") + "), "
        + Runtime.getRuntime().availableProcessors() + " cores, " + Machine.memoryTotal() + ", " + Machine.os()
        + "; JVM options of both " + jvm + "; " + starts + " rounds; load average at the start " + Machine.loadAverage());
    line("");
    line("| round | process | start → first 200 s | CPU s until then | classes loaded | VmRSS 5 s later MiB | load 1 min |");
    line("|---:|---|---:|---:|---:|---:|---|");
    List<Start> all = new ArrayList<>();
    try {
      for (int round = 1; round <= starts; round++) {
        all.add(empty(micro, port + 3, data.resolve("empty-app"), jvm, round));
        Path toolData = data.resolve("tool");
        ToolProcess.deleteRecursively(toolData);
        Files.createDirectories(toolData.resolve("platforms"));
        all.add(tool("tool, fresh data folder", jar, port, toolData, content, jvm, round));
        all.add(tool("tool, again on that data", jar, port, toolData, content, jvm, round));
      }
      line("");
      line("Medians (and ratio to the empty application's median):");
      line("");
      line("| process | start → first 200 s | CPU s until then | classes loaded | VmRSS 5 s later MiB |");
      line("|---|---:|---:|---:|---:|");
      Start empty = median(all, "empty Payara Micro application");
      for (String kind : List.of("empty Payara Micro application", "tool, fresh data folder", "tool, again on that data")) {
        Start m = median(all, kind);
        line(String.format("| %s | %.1f (%.2f×) | %.1f (%.2f×) | %d (%.2f×) | %.0f (%.2f×) |", kind, m.seconds(),
            m.seconds() / empty.seconds(), m.cpuSeconds(), m.cpuSeconds() / empty.cpuSeconds(), m.classes(),
            (double) m.classes() / empty.classes(), m.idleRss(), m.idleRss() / empty.idleRss()));
      }
      line("");
      line("Load average at the end " + Machine.loadAverage() + ". Logs: " + data + "/*/server.log");
    } finally {
      Files.createDirectories(out.getParent());
      Files.writeString(out, report.toString());
      System.out.println("\nWritten to " + out);
    }
  }

  private Start empty(Path micro, int port, Path dir, List<String> jvm, int round) throws Exception {
    String before = Machine.loadAverage().split(" ")[0];
    EmptyApplication.Figures f = EmptyApplication.measure(micro, port, dir, jvm, new int[0], 0);
    return row(new Start("empty Payara Micro application", round, f.startUp().toMillis() / 1000.0, f.cpuSeconds(),
        f.classes(), f.idleRss(), before + " → " + Machine.loadAverage().split(" ")[0]));
  }

  private Start tool(String kind, Path jar, int port, Path data, Path content, List<String> jvm, int round)
      throws Exception {
    String before = Machine.loadAverage().split(" ")[0];
    try (ToolProcess tool = ToolProcess.start(jar, port, data, data.resolve("platforms"), content, jvm, Map.of())) {
      Duration time = tool.awaitReady("/.well-known/jwks.json", Duration.ofSeconds(300));
      double cpu = Machine.procCpuSeconds(tool.pid());
      long classes = JvmFacts.loadedClasses(tool.pid());
      Thread.sleep(5000);
      double rss = Machine.residentMiB(tool.pid());
      return row(new Start(kind, round, time.toMillis() / 1000.0, cpu, classes, rss,
          before + " → " + Machine.loadAverage().split(" ")[0]));
    }
  }

  private Start row(Start s) {
    line(String.format("| %d | %s | %.1f | %.1f | %d | %.0f | %s |", s.round(), s.kind(), s.seconds(), s.cpuSeconds(),
        s.classes(), s.idleRss(), s.load()));
    return s;
  }

  private static Start median(List<Start> all, String kind) {
    List<Start> of = all.stream().filter(s -> s.kind().equals(kind)).toList();
    return new Start(kind, 0, median(of.stream().mapToDouble(Start::seconds).toArray()),
        median(of.stream().mapToDouble(Start::cpuSeconds).toArray()),
        (long) median(of.stream().mapToDouble(Start::classes).toArray()),
        median(of.stream().mapToDouble(Start::idleRss).toArray()), "");
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private void line(String text) {
    System.out.println(text);
    report.append(text).append('\n');
  }
}
