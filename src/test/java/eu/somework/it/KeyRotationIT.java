package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A key rotation under load (issue 9, point 4): students launch and submit all the while, and every
 * submission's score goes to a platform that caches the tool's key set for exactly the
 * {@code max-age} the tool sends and never fetches it early (its tokens are never reused, so each
 * delivery signs a new client assertion). Two rotations run: one whose next key was published long
 * ago, and one whose next key was made by the first, so it must wait for the overlap (one minute on
 * the test server) before it signs. Not one launch, token request or score may fail, and every
 * score arrives exactly once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeyRotationIT {
  /** The key rotation job's period (30 s) with room for a late run on a busy machine. */
  private static final Duration JOB_ROUND = Duration.ofSeconds(75);
  /** The overlap the test server is configured with (somework.keys.overlap-minutes in arquillian.xml). */
  private static final Duration OVERLAP = Duration.ofMinutes(1);

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @Test
  void launchesAndScoresGoOnThroughTwoRotationsWhileThePlatformCachesTheKeySet() throws Exception {
    MockGradebook gradebook = MockPlatforms.get().keyCachingGradebook();
    String course = "rotation-" + System.currentTimeMillis();
    String lineItem = gradebook.openLineItem(course, "Reflection on data protection", 14);
    AdminApi admin = new AdminApi();
    // a rotation another test class asked for on the shared database is over first
    MockGradebook.await(admin::rotationPending, pending -> !pending, JOB_ROUND, "no rotation pending");
    String first = admin.keyWith("CURRENT").orElseThrow();
    String second = admin.keyWith("NEXT").orElseThrow();

    Load load = new Load(course, lineItem);
    load.start();
    String third;
    try {
      awaitSignedBy(gradebook, first); // the platform holds the key set from before the rotations

      admin.rotateKeys();
      awaitCurrent(admin, second, JOB_ROUND);
      awaitSignedBy(gradebook, second);

      third = admin.keyWith("NEXT").orElseThrow();
      Instant signsFrom = admin.rotateKeys();
      assertTrue(!signsFrom.isBefore(Instant.now().plus(OVERLAP).minus(JOB_ROUND)),
          "a key made a moment ago waits for the overlap before it signs: " + signsFrom);
      awaitCurrent(admin, third, OVERLAP.plus(JOB_ROUND));
      awaitSignedBy(gradebook, third);
    } finally {
      load.stop();
    }

    assertEquals(List.of(), load.failures(), "every launch and submission worked through the rotations");
    assertTrue(load.submitted() > 0);
    gradebook.awaitScores(course, load.submitted(), Duration.ofSeconds(60));
    assertEquals(load.submitted(), gradebook.scores(course).size(), "each submission's score arrived exactly once");
    assertEquals(List.of(), gradebook.refusals(), "the platform verified every client assertion with its cached keys");
    List<String> order = List.of(first, second, third);
    List<Integer> used = gradebook.assertionKeys().stream().map(order::indexOf).toList();
    assertTrue(used.stream().allMatch(i -> i >= 0), "only the three keys signed: " + gradebook.assertionKeys());
    for (int i = 1; i < used.size(); i++) {
      assertTrue(used.get(i) >= used.get(i - 1), "an old key never signs after its successor did: " + used);
    }
  }

  private static void awaitSignedBy(MockGradebook gradebook, String kid) throws Exception {
    MockGradebook.await(gradebook::assertionKeys, kids -> kids.contains(kid), JOB_ROUND,
        "a client assertion signed with key " + kid);
  }

  private static void awaitCurrent(AdminApi admin, String kid, Duration limit) throws Exception {
    MockGradebook.await(() -> admin.keyWith("CURRENT"), current -> current.filter(kid::equals).isPresent(), limit,
        "key " + kid + " to sign");
  }

  /** Two students at a time launching the graded unit and submitting, until stopped. */
  private static final class Load {
    /** One launch per student thread every 2.2 s: 55 logins a minute in all. */
    private static final Duration PACE = Duration.ofMillis(2200);
    private final String course;
    private final String lineItem;
    private final AtomicInteger learners = new AtomicInteger();
    private final AtomicInteger submitted = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    Load(String course, String lineItem) {
      this.course = course;
      this.lineItem = lineItem;
    }

    void start() {
      for (int t = 0; t < 2; t++) {
        Thread thread = new Thread(this::run, "rotation-load-" + t);
        threads.add(thread);
        thread.start();
      }
    }

    private void run() {
      while (running) {
        long started = System.nanoTime();
        String learner = "rot-learner-" + learners.incrementAndGet();
        try {
          GradingChecks.Member student = GradingChecks.launch(MockGradebook.KEY_CACHING_PLATFORM,
              MockGradebook.KEY_CACHING_CLIENT_ID, "1", course, lineItem, learner, "Learner", "Learner " + learner);
          GradingChecks.submit(student, "<p>A reflection written during a key rotation.</p>");
          submitted.incrementAndGet();
        } catch (Exception | AssertionError e) {
          String why = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
          failures.add(learner + ": " + why.substring(0, Math.min(why.length(), 300)));
        }
        try {
          // the two students together stay under the tool's 60 logins per minute from one address
          Thread.sleep(Math.max(0, PACE.toMillis() - (System.nanoTime() - started) / 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stop() throws InterruptedException {
      running = false;
      for (Thread thread : threads) {
        thread.join(30_000);
      }
    }

    int submitted() {
      return submitted.get();
    }

    List<String> failures() {
      return List.copyOf(failures);
    }
  }
}
