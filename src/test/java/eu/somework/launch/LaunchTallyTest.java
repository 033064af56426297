package eu.somework.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The in-memory count of launch outcomes: a flush moves exactly what it stored, whatever runs beside it. */
class LaunchTallyTest {
  private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
  private static final LaunchTally.Cell ACCEPTED = new LaunchTally.Cell("https://lms", "c", "d", LaunchTally.ACCEPTED);
  private static final LaunchTally.Cell EXPIRED = new LaunchTally.Cell("https://lms", "c", "d", "EXPIRED");

  @Test
  void aFlushHandsOverTheCountsAndTheLatestTimeAndLeavesNothingPending() {
    LaunchTally tally = new LaunchTally();
    tally.add(ACCEPTED, T0.plusSeconds(5));
    tally.add(ACCEPTED, T0);
    tally.add(EXPIRED, T0.plusSeconds(1));
    Map<LaunchTally.Cell, LaunchTally.Counts> stored = new HashMap<>();

    assertEquals(3, tally.flushTo(stored::putAll));

    assertEquals(Map.of(ACCEPTED, new LaunchTally.Counts(2, T0.plusSeconds(5)),
        EXPIRED, new LaunchTally.Counts(1, T0.plusSeconds(1))), stored);
    assertEquals(Map.of(), tally.read(pending -> pending));
    assertEquals(0, tally.flushTo(counts -> {
      throw new AssertionError("nothing to store: the database is not asked");
    }));
  }

  @Test
  void aFlushThatFailsKeepsEverythingForTheNextOne() {
    LaunchTally tally = new LaunchTally();
    tally.add(ACCEPTED, T0);

    assertThrows(IllegalStateException.class, () -> tally.flushTo(counts -> {
      throw new IllegalStateException("database down");
    }));

    assertEquals(Map.of(ACCEPTED, new LaunchTally.Counts(1, T0)), tally.read(pending -> pending));
  }

  @Test
  void outcomesCountedWhileFlushesRunAreNeitherLostNorStoredTwice() throws Exception {
    LaunchTally tally = new LaunchTally();
    Map<LaunchTally.Cell, Long> stored = new HashMap<>();
    int threads = 4;
    int each = 20_000;
    AtomicBoolean counting = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> launches = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        launches.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            tally.add(i % 2 == 0 ? ACCEPTED : EXPIRED, T0.plusMillis(i));
          }
        }));
      }
      Thread flusher = new Thread(() -> {
        while (counting.get()) {
          tally.flushTo(counts -> counts.forEach((cell, c) -> stored.merge(cell, c.count(), Long::sum)));
        }
      });
      flusher.start();
      for (Future<?> launch : launches) {
        launch.get(60, TimeUnit.SECONDS);
      }
      counting.set(false);
      flusher.join(60_000);
    } finally {
      pool.shutdownNow();
    }
    tally.flushTo(counts -> counts.forEach((cell, c) -> stored.merge(cell, c.count(), Long::sum)));

    assertEquals(Map.of(ACCEPTED, (long) threads * each / 2, EXPIRED, (long) threads * each / 2), stored);
  }
}
