package eu.somework.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** What the drivers read about this machine while they measure: CPU time of each side, the load. */
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
}
