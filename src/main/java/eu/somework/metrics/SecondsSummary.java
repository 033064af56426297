package eu.somework.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * A duration published on {@code /metrics} as a Prometheus summary whose every series is in seconds:
 * {@code NAME_seconds{quantile="0.5"}} (and 0.75, 0.95, 0.98, 0.99, 0.999), {@code NAME_seconds_max},
 * {@code NAME_seconds_sum} and {@code NAME_seconds_count}, each a gauge this class computes.
 *
 * <p>Why not a MicroProfile {@code Timer}: Payara 6.2025.10's Prometheus exporter prints a timer's
 * quantiles in nanoseconds under the {@code _seconds} name (and its {@code _max} too unless the unit is
 * nanoseconds), so an alert on a quantile would be off by 10⁹. Gauges in seconds with no unit are
 * printed as they are.
 *
 * <p>{@code _count} and {@code _sum} count every recorded duration since the start (use {@code rate()}
 * as for a counter); the quantiles and {@code _max} are exact over the last {@value #WINDOW} durations
 * (0 before the first).
 */
public final class SecondsSummary {
  /** The quantiles published, as Payara's timers publish them. */
  public static final List<Double> QUANTILES = List.of(0.5, 0.75, 0.95, 0.98, 0.99, 0.999);
  /** How many of the latest durations the quantiles and the maximum look at. */
  public static final int WINDOW = 1024;
  private static final double NANOS_PER_SECOND = 1e9;

  private final long[] latest = new long[WINDOW];
  private int filled;
  private int next;
  private long count;
  private long sumNanos;

  /** A summary not yet on {@code /metrics} (tests); {@link #register} publishes one. */
  public SecondsSummary() {
  }

  /**
   * Publishes a new summary as {@code name + "_seconds"} with these tags (the quantiles add {@code quantile}).
   * Call once per name and tags.
   */
  public static SecondsSummary register(MetricRegistry registry, String name, String description, Tag... tags) {
    SecondsSummary summary = new SecondsSummary();
    String base = name + "_seconds";
    for (double quantile : QUANTILES) {
      Tag[] withQuantile = Arrays.copyOf(tags, tags.length + 1);
      withQuantile[tags.length] = new Tag("quantile", String.valueOf(quantile));
      registry.gauge(meta(base, description), () -> summary.quantile(quantile), withQuantile);
    }
    registry.gauge(meta(base + "_max", description + " (longest of the latest " + WINDOW + ")"), summary::max, tags);
    registry.gauge(meta(base + "_sum", description + " (total since start)"), summary::sum, tags);
    registry.gauge(meta(base + "_count", description + " (how many since start)"), summary::count, tags);
    return summary;
  }

  private static Metadata meta(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }

  /** Adds one duration (a negative one counts as 0). */
  public synchronized void record(Duration took) {
    long nanos = Math.max(0, took.toNanos());
    latest[next] = nanos;
    next = (next + 1) % WINDOW;
    filled = Math.min(filled + 1, WINDOW);
    count++;
    sumNanos += nanos;
  }

  /** The {@code q} quantile (nearest rank) of the latest durations, in seconds; 0 before any. */
  public double quantile(double q) {
    long[] sorted;
    synchronized (this) {
      sorted = Arrays.copyOf(latest, filled);
    }
    if (sorted.length == 0) {
      return 0;
    }
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] / NANOS_PER_SECOND;
  }

  /** The longest of the latest durations, in seconds; 0 before any. */
  public synchronized double max() {
    long longest = 0;
    for (int i = 0; i < filled; i++) {
      longest = Math.max(longest, latest[i]);
    }
    return longest / NANOS_PER_SECOND;
  }

  /** All durations recorded since the start, added up, in seconds. */
  public synchronized double sum() {
    return sumNanos / NANOS_PER_SECOND;
  }

  /** How many durations were recorded since the start. */
  public synchronized long count() {
    return count;
  }

}
