package eu.somework.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the drivers read about this machine while they measure: CPU time of each side, the load, and
 * from Linux's {@code /proc} a process's CPU time (utime + stime of {@code /proc/<pid>/stat}) and
 * resident memory ({@code VmRSS} of {@code /proc/<pid>/status}).
 */
final class Machine {
  private Machine() {}

  /** CPU time the tool's process has used so far, in nanoseconds (0 when the system does not say). */
  static long serverCpuNanos(ToolProcess tool) {
    return ProcessHandle.of(tool.pid()).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
  }

  /** CPU time this driver's process has used so far, in nanoseconds. */
  static long driverCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The 1, 5 and 15 minute load averages, or "unknown". */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static final long TICKS_PER_SECOND = clockTicks();

  /**
   * utime + stime of process {@code pid} from {@code /proc/<pid>/stat}, in seconds (with the
   * kernel's resolution, usually 10 ms).
   */
  static double procCpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // the command name, field 2, is in parentheses and may hold spaces: count from after it
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields 14 and 15 of the whole line are utime and stime: 12 and 13 after the name
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return (double) ticks / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the CPU time of process " + pid + " from /proc", e);
    }
  }

  /** Resident memory of process {@code pid} in MiB ({@code VmRSS} of {@code /proc/<pid>/status}). */
  static double residentMiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
      throw new IllegalStateException("no VmRSS line");
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the resident memory of process " + pid + " from /proc", e);
    }
  }

  private static long clockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
      getconf.waitFor();
      return Long.parseLong(out);
    } catch (IOException | RuntimeException e) {
      return 100; // Linux's USER_HZ on every common architecture
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }

  /** MemTotal of {@code /proc/meminfo}, e.g. "23.4 GiB memory". */
  static String memoryTotal() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return String.format("%.1f GiB memory", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      // below
    }
    return "memory unknown";
  }

  /** PRETTY_NAME of {@code /etc/os-release}, or the JVM's os.name. */
  static String os() {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
        if (line.startsWith("PRETTY_NAME=")) {
          return line.substring(12).replace("\"", "");
        }
      }
    } catch (IOException | RuntimeException e) {
      // below
    }
    return System.getProperty("os.name");
  }
}
