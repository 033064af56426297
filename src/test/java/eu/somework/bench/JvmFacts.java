package eu.somework.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the JDK's own tools say about a server process, for the start-up and memory comparison
 * (issue 11 goal 4): classes loaded ({@code jstat -class}, from the JVM's performance counters, no
 * attach), the native memory summary ({@code jcmd <pid> VM.native_memory summary}, only when the
 * process runs with {@code -XX:NativeMemoryTracking}), the JIT's compilation count ({@code jstat
 * -compiler}) and a VmRSS sampler.
 */
final class JvmFacts {
  private static final Pattern NMT_CATEGORY = Pattern.compile(
      "^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");
  private static final Pattern NMT_TOTAL = Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB");

  private JvmFacts() {}

  /** Classes the process has loaded so far, or -1 when jstat cannot tell. */
  static long loadedClasses(long pid) {
    return jstatFirstColumn("-class", pid);
  }

  /**
   * Methods the JIT has compiled so far ({@code jstat -compiler}, the "Compiled" column), or -1 when
   * jstat cannot tell (not a HotSpot JVM, e.g. the Node.js peer).
   */
  static long jitCompilations(long pid) {
    return jstatFirstColumn("-compiler", pid);
  }

  /** The first number of jstat's last line for {@code option}, or -1 when there is none. */
  private static long jstatFirstColumn(String option, long pid) {
    String[] lines = run(List.of(tool("jstat"), option, Long.toString(pid))).strip().split("\n");
    try {
      return Long.parseLong(lines[lines.length - 1].trim().split("\\s+")[0]);
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /**
   * The committed memory per NMT category in MiB, largest first, e.g. "total 412: Java Heap 180,
   * Class 75, Thread 40, …"; empty when {@code jvmOptions} do not enable native memory tracking.
   */
  static String nativeMemory(long pid, List<String> jvmOptions) {
    if (jvmOptions.stream().noneMatch(o -> o.startsWith("-XX:NativeMemoryTracking="))) {
      return "";
    }
    String out = run(List.of(tool("jcmd"), Long.toString(pid), "VM.native_memory", "summary"));
    List<long[]> sizes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    long total = -1;
    for (String line : out.split("\n")) {
      Matcher t = NMT_TOTAL.matcher(line.trim());
      if (t.find()) {
        total = Long.parseLong(t.group(2));
      }
      Matcher m = NMT_CATEGORY.matcher(line.trim());
      if (m.find()) {
        names.add(m.group(1).trim());
        sizes.add(new long[] {Long.parseLong(m.group(3)), names.size() - 1});
      }
    }
    if (total < 0) {
      return "(no NMT summary: " + out.strip().lines().findFirst().orElse("") + ")";
    }
    sizes.sort((a, b) -> Long.compare(b[0], a[0]));
    StringBuilder s = new StringBuilder(String.format("committed %.0f MiB:", total / 1024.0));
    for (long[] size : sizes) {
      if (size[0] >= 1024) {
        s.append(String.format(" %s %.0f,", names.get((int) size[1]), size[0] / 1024.0));
      }
    }
    return s.substring(0, s.length() - 1);
  }

  /** Samples VmRSS of {@code pid} every 500 ms into {@code maxKiB} (the highest seen) until closed. */
  static RssSampler sample(long pid, AtomicLong maxKiB) {
    return new RssSampler(pid, maxKiB);
  }

  /** A running VmRSS sampler (a daemon thread). */
  static final class RssSampler implements AutoCloseable {
    private final long pid;
    private final AtomicLong maxKiB;
    private final Thread thread;

    private RssSampler(long pid, AtomicLong maxKiB) {
      this.pid = pid;
      this.maxKiB = maxKiB;
      this.thread = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          sampleNow();
          try {
            Thread.sleep(500);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "rss-sampler-" + pid);
      thread.setDaemon(true);
      thread.start();
    }

    /** Takes one sample now. */
    void sampleNow() {
      maxKiB.accumulateAndGet((long) (Machine.residentMiB(pid) * 1024), Math::max);
    }

    @Override
    public void close() throws InterruptedException {
      thread.interrupt();
      thread.join();
    }
  }

  private static String tool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }

  private static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
