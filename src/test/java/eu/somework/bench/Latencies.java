package eu.somework.bench;

import java.util.Arrays;

/** Latencies of one kind of request, recorded by several threads; percentiles by nearest rank. */
final class Latencies {
  private long[] nanos = new long[1024];
  private int count;

  synchronized void record(long elapsedNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = elapsedNanos;
  }

  synchronized int count() {
    return count;
  }

  /** p in (0, 100]: the latency in milliseconds that p percent of the requests did not exceed. */
  synchronized double percentileMillis(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
  }

  /** The first and the last latency recorded, in nanoseconds (0 when none). */
  synchronized long first() {
    return count == 0 ? 0 : nanos[0];
  }

  synchronized long last() {
    return count == 0 ? 0 : nanos[count - 1];
  }

  synchronized double meanMillis() {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      sum += nanos[i];
    }
    return count == 0 ? Double.NaN : sum / 1e6 / count;
  }

  String row(String name) {
    return String.format("| %-32s | %6d | %8.1f | %8.1f | %8.1f | %8.1f | %8.1f |", name, count(), meanMillis(),
        percentileMillis(50), percentileMillis(95), percentileMillis(99), percentileMillis(100));
  }

  static String header() {
    return "| step                             |      n | mean ms  |  p50 ms  |  p95 ms  |  p99 ms  |  max ms  |\n"
        + "|----------------------------------|-------:|---------:|---------:|---------:|---------:|---------:|";
  }
}
