package eu.somework.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The timing of one flow of requests (a launch through the simulator, a launch from the external
 * platform, a launch into a peer tool): each hop is the time from the end of the previous one, and
 * a hop whose answer has another status than expected ends the flow with an exception naming the
 * hop, the status and the start of the page's text.
 *
 * @param <S> the flow's hops
 */
final class HopTimes<S extends Enum<S>> {
  private final Map<S, Long> nanos;
  private final Function<S, String> label;
  private final long start = System.nanoTime();
  private long last = start;

  /** Starts the clock; {@code label} names a hop in failure messages. */
  HopTimes(Class<S> steps, Function<S, String> label) {
    this.nanos = new EnumMap<>(steps);
    this.label = label;
  }

  /**
   * Ends hop {@code step} now.
   *
   * @throws IllegalStateException when {@code page} answered another status than {@code expected}
   */
  void lap(S step, LoadBrowser.Page page, int expected) {
    long now = System.nanoTime();
    if (page.status() != expected) {
      throw new IllegalStateException(label.apply(step) + " answered HTTP " + page.status() + " instead of "
          + expected + ": " + abbreviate(page.body()));
    }
    nanos.put(step, now - last);
    last = now;
  }

  /** Ends hop {@code step} now: work without a request (e.g. the platform signing). */
  void lap(S step) {
    long now = System.nanoTime();
    nanos.put(step, now - last);
    last = now;
  }

  /** Each hop's time in nanoseconds, in the order of the enum. */
  Map<S, Long> nanos() {
    return nanos;
  }

  /** From the start until the end of the last hop, in nanoseconds. */
  long totalNanos() {
    return last - start;
  }

  /** A page's text without its tags, at most 200 characters: enough to see why a hop failed. */
  static String abbreviate(String body) {
    String text = body == null ? "" : body.replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ").trim();
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
