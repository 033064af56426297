package eu.somework.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.HandClock;
import eu.somework.testsupport.MigratedDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The durable score outbox on H2 and PostgreSQL. The platform is a stand-in sender (the LMS is not
 * on this machine); the database and the concurrency are real.
 */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class ScoreOutboxTest {
  private static final Instant T0 = Instant.parse("2027-03-01T12:00:00Z");
  // the jitter at its top: each delay is the whole step (15 s, 30 s, …)
  private static final Backoff NO_JITTER = new Backoff(Duration.ofSeconds(15), Duration.ofHours(1), () -> 1.0);

  @Parameter DatabaseEngine engine;

  private MigratedDatabase db;
  private HandClock clock;
  private ScoreOutbox outbox;

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(engine);
    clock = new HandClock(T0);
    outbox = ScoreOutbox.over(db.transactor(), clock, NO_JITTER);
  }

  private static ScoreTarget target(String user) {
    return new ScoreTarget("https://moodle.example.edu", "client-1", "dep-1", "link-7", Optional.of("data-protection"),
        user);
  }

  private OutboxEntry.Snapshot graded(String user, double score) {
    return outbox.enqueue(target(user), ScoreProgress.GRADED, OptionalDouble.of(score), OptionalDouble.of(20),
        Optional.of("Well argued."));
  }

  @Test
  void aQueuedScoreIsSentOnceAndThenShowsAsInTheGradebook() {
    graded("u1", 17);
    List<OutboxEntry.Snapshot> sent = new ArrayList<>();
    assertEquals(1, outbox.deliverDue(entry -> {
      sent.add(entry);
      return new DeliveryOutcome.Delivered(200);
    }, "w1", 10));
    assertEquals(1, sent.size());
    assertEquals(17.0, sent.get(0).scoreGiven().getAsDouble());
    assertEquals(Optional.of("Well argued."), sent.get(0).comment());
    assertEquals(ScoreProgress.GRADED, sent.get(0).progress());

    assertEquals(0, outbox.deliverDue(entry -> new DeliveryOutcome.Delivered(200), "w1", 10), "nothing due any more");
    OutboxEntry.Snapshot latest = outbox.latestPerUser("https://moodle.example.edu", "client-1", "dep-1", "link-7")
        .get("u1");
    assertEquals(OutboxState.DELIVERED, latest.state());
    assertEquals(Optional.of(200), latest.lastStatus());
  }

  @Test
  void aScoreQueuedInATransactionThatRollsBackIsNeverSent() {
    try {
      db.transactor().run(em -> {
        graded("u1", 12);
        throw new IllegalStateException("the grade could not be saved");
      });
    } catch (IllegalStateException expected) {
      // the grade and its score go together
    }
    assertEquals(0, outbox.deliverDue(entry -> new DeliveryOutcome.Delivered(200), "w1", 10));
    assertEquals(0, outbox.backlog().pending());
  }

  @Test
  void aPlatformThatIsDownIsTriedAgainLaterWithGrowingDelaysUntilItAnswers() {
    graded("u1", 15);
    DeliveryOutcome down = new DeliveryOutcome.RetryLater(Optional.of(503), "HTTP 503 from the platform",
        Optional.empty());
    assertEquals(1, outbox.deliverDue(entry -> down, "w1", 10));
    OutboxEntry.Snapshot waiting = only();
    assertEquals(OutboxState.PENDING, waiting.state());
    assertEquals(1, waiting.attempts());
    assertEquals(Optional.of("HTTP 503 from the platform"), waiting.lastError());
    assertEquals(T0.plusSeconds(15), waiting.nextAttemptAt());
    assertEquals(new ScoreOutbox.Backlog(1, Optional.of(T0)), outbox.backlog(), "one waiting since T0");

    assertEquals(0, outbox.deliverDue(entry -> down, "w1", 10), "not due before its time");
    clock.advance(Duration.ofSeconds(15));
    assertEquals(1, outbox.deliverDue(entry -> down, "w1", 10));
    assertEquals(clock.instant().plusSeconds(30), only().nextAttemptAt(), "doubled");

    clock.advance(Duration.ofMinutes(1));
    assertEquals(1, outbox.deliverDue(entry -> new DeliveryOutcome.Delivered(200), "w1", 10));
    assertEquals(OutboxState.DELIVERED, only().state());
    assertEquals(3, only().attempts() + 1, "two failed attempts, then the one that worked");
  }

  @Test
  void aRetryAfterLongerThanTheBackoffIsHonoured() {
    graded("u1", 15);
    outbox.deliverDue(entry -> new DeliveryOutcome.RetryLater(Optional.of(429), "HTTP 429",
        Optional.of(Duration.ofMinutes(10))), "w1", 10);
    assertEquals(T0.plus(Duration.ofMinutes(10)), only().nextAttemptAt());
  }

  @Test
  void aRefusalIsKeptWithThePlatformsReasonUntilTheTeacherRetries() {
    OutboxEntry.Snapshot queued = graded("u1", 15);
    outbox.deliverDue(entry -> new DeliveryOutcome.Refused(400, "Incorrect score received"), "w1", 10);
    OutboxEntry.Snapshot failed = only();
    assertEquals(OutboxState.FAILED, failed.state());
    assertEquals(Optional.of("Incorrect score received"), failed.lastError());
    assertEquals(Optional.of(400), failed.lastStatus());

    clock.advance(Duration.ofHours(5));
    assertEquals(0, outbox.deliverDue(entry -> new DeliveryOutcome.Delivered(200), "w1", 10), "not retried by itself");
    assertTrue(outbox.retry(queued.id()));
    assertFalse(outbox.retry(queued.id()), "only a failed score can be retried");
    assertEquals(1, outbox.deliverDue(entry -> new DeliveryOutcome.Delivered(200), "w1", 10));
    assertEquals(OutboxState.DELIVERED, only().state());
  }

  @Test
  void aConflictMeansThePlatformHasNewerAndIsNotRetried() {
    graded("u1", 15);
    outbox.deliverDue(entry -> new DeliveryOutcome.Outdated(409), "w1", 10);
    assertEquals(OutboxState.OUTDATED, only().state());
    clock.advance(Duration.ofHours(2));
    assertEquals(0, outbox.deliverDue(entry -> new DeliveryOutcome.Delivered(200), "w1", 10));
  }

  @Test
  void aNewerScoreReplacesAnUnsentOneAndCarriesALaterTimestamp() {
    OutboxEntry.Snapshot submitted = outbox.enqueue(target("u1"), ScoreProgress.SUBMITTED, OptionalDouble.empty(),
        OptionalDouble.empty(), Optional.empty());
    OutboxEntry.Snapshot graded = graded("u1", 18); // same instant on the clock
    assertTrue(graded.timestamp().isAfter(submitted.timestamp()), "strictly later than the earlier score");

    List<OutboxEntry.Snapshot> sent = new ArrayList<>();
    outbox.deliverDue(entry -> {
      sent.add(entry);
      return new DeliveryOutcome.Delivered(200);
    }, "w1", 10);
    assertEquals(List.of(graded.id()), sent.stream().map(OutboxEntry.Snapshot::id).toList(), "only the newest is sent");
  }

  @Test
  void aClaimLeftByADeadWorkerLapsesAndTheEntryIsSentByAnother() {
    graded("u1", 11);
    try {
      outbox.deliverDue(entry -> {
        throw new KilledWorker();
      }, "w-dead", 10);
    } catch (KilledWorker expected) {
      // the process died after claiming, before recording
    }
    ScoreOutbox restarted = ScoreOutbox.over(db.transactor(), clock, NO_JITTER);
    assertEquals(0, restarted.deliverDue(entry -> new DeliveryOutcome.Delivered(200), "w-new", 10),
        "the claim still holds");
    clock.advance(ScoreOutbox.CLAIM.plusSeconds(1));
    assertEquals(1, restarted.deliverDue(entry -> new DeliveryOutcome.Delivered(200), "w-new", 10));
    assertEquals(OutboxState.DELIVERED, only().state());
  }

  @Test
  void twoWorkersOnOneDatabaseSendEachEntryOncePerAttempt() throws Exception {
    int entries = 40;
    for (int i = 0; i < entries; i++) {
      graded("user-" + i, i % 20);
    }
    Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
    List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
    Map<String, Boolean> inFlight = new ConcurrentHashMap<>();
    ScoreSender slowPlatform = entry -> {
      if (inFlight.putIfAbsent(entry.id(), true) != null) {
        overlaps.add(entry.id());
      }
      sends.computeIfAbsent(entry.id(), id -> new AtomicInteger()).incrementAndGet();
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.remove(entry.id());
      return new DeliveryOutcome.Delivered(200);
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> workers = new ArrayList<>();
      for (String name : List.of("instance-a", "instance-b")) {
        ScoreOutbox instance = ScoreOutbox.over(db.transactor(), clock, NO_JITTER);
        workers.add(pool.submit(() -> {
          start.await();
          int total = 0;
          int round;
          while ((round = instance.deliverDue(slowPlatform, name, 5)) > 0) {
            total += round;
          }
          return total;
        }));
      }
      start.countDown();
      int attempts = workers.get(0).get() + workers.get(1).get();
      assertEquals(entries, attempts, "one attempt per entry in all");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(entries, sends.size());
    assertTrue(sends.values().stream().allMatch(count -> count.get() == 1), "each sent once: " + sends);
    assertEquals(List.of(), overlaps);
    assertEquals(0, outbox.backlog().pending());
  }

  private OutboxEntry.Snapshot only() {
    List<OutboxEntry.Snapshot> all = new ArrayList<>(
        outbox.latestPerUser("https://moodle.example.edu", "client-1", "dep-1", "link-7").values());
    assertEquals(1, all.size(), all.toString());
    return all.get(0);
  }

  /** Stands for the process dying between the claim and the record of the attempt. */
  private static final class KilledWorker extends Error {}
}
