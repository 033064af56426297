package eu.somework.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** One measured phase of a load run: every browser on its own thread repeats the work. */
final class Phase {
  private Phase() {}

  /** One run of the work by the browser of person {@code user}; a throw counts as a failure. */
  interface Work {
    Void run(int user, LoadBrowser browser) throws Exception;
  }

  /** How long the phase took, how many runs failed, and "; first failure: …" (empty when none did). */
  record Outcome(double seconds, int failures, String firstFailure) {}

  /** Each browser repeats {@code work} until {@code count} runs have been started or {@code seconds} are up. */
  static Outcome run(List<LoadBrowser> browsers, int count, int seconds, Work work) throws InterruptedException {
    AtomicInteger started = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ConcurrentLinkedQueue<String> failureMessages = new ConcurrentLinkedQueue<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    CountDownLatch done = new CountDownLatch(browsers.size());
    long start = System.nanoTime();
    for (int i = 0; i < browsers.size(); i++) {
      int user = i;
      Thread thread = new Thread(() -> {
        try {
          while (System.nanoTime() < deadline && started.incrementAndGet() <= count) {
            try {
              work.run(user, browsers.get(user));
            } catch (Exception e) {
              failures.incrementAndGet();
              failureMessages.add(e.toString());
            }
          }
        } finally {
          done.countDown();
        }
      }, "browser-" + i);
      thread.start();
    }
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    String first = failureMessages.isEmpty() ? "" : "; first failure: " + failureMessages.peek();
    return new Outcome(elapsed, failures.get(), first);
  }
}
