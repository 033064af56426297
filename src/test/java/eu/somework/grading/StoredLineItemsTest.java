package eu.somework.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import eu.somework.course.ResourceLinks;
import eu.somework.lti.FakeLms;
import eu.somework.lti.FakeLms.Reply;
import eu.somework.lti.LtiLaunch;
import eu.somework.lti.MessageType;
import eu.somework.lti.PlatformRegistration;
import eu.somework.lti.ServiceTokenClient;
import eu.somework.lti.ags.AgsMediaType;
import eu.somework.lti.ags.AgsScope;
import eu.somework.platform.KeyRing;
import eu.somework.platform.PlatformDirectory;
import eu.somework.platform.ServiceTokens;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import eu.somework.testsupport.ModuleFixtures;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The line item a resource link's scores go to, stored once found or created, on H2 and PostgreSQL:
 * later scores skip the search, two instances sending at once create one line item, a line item
 * deleted in the LMS (404) is forgotten and found again, and the launch's own {@code lineitem}
 * wins. The platform is a stand-in (FakeLms) that keeps the line items created on it; the database
 * and the concurrency are real.
 */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class StoredLineItemsTest {
  private static final String ISSUER = "https://moodle.example.edu";
  private static final String CONTAINER_PATH = "/mod/lti/services.php/2/lineitems";
  private static final LinkKey LINK = new LinkKey(ISSUER, "client-1", "dep-1", "link-dp");

  @Parameter DatabaseEngine engine;

  private FakeLms lms;
  private MigratedDatabase db;
  private ResourceLinks links;
  private StoredLineItems stored;
  private ScoreOutbox outbox;
  private PlatformDirectory platforms;
  private KeyRing keys;
  private final Clock clock = Clock.systemUTC();
  /** The line items the fake platform holds, as JSON objects; the next one gets number {@code next}. */
  private final List<String> lineItems = new CopyOnWriteArrayList<>();
  private final AtomicInteger next = new AtomicInteger(7);
  private volatile CyclicBarrier tokenBarrier;

  @BeforeEach
  void open() throws Exception {
    lms = new FakeLms();
    lms.route("POST", "/token", "application/x-www-form-urlencoded", null, r -> {
      CyclicBarrier barrier = tokenBarrier;
      if (barrier != null) {
        try {
          barrier.await(10, TimeUnit.SECONDS); // both instances ask at once: their senders then race
        } catch (Exception e) {
          return Reply.json(500, "{}");
        }
      }
      return Reply.json(200, "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    });
    lms.route("GET", CONTAINER_PATH, null, AgsMediaType.LINE_ITEM_CONTAINER,
        r -> Reply.of(200, AgsMediaType.LINE_ITEM_CONTAINER, "[" + String.join(",", lineItems) + "]"));
    lms.route("POST", CONTAINER_PATH, AgsMediaType.LINE_ITEM, null, r -> {
      String item = addLineItem();
      return Reply.of(201, AgsMediaType.LINE_ITEM, item).after(Duration.ofMillis(300)); // a slow LMS
    });
    db = MigratedDatabase.emptied(engine);
    links = ResourceLinks.over(db.transactor());
    stored = StoredLineItems.over(db.transactor(), clock);
    RSAKey toolKey = new RSAKeyGenerator(2048).keyID("tool-1").generate();
    keys = new KeyRing() {
      @Override
      public RSAKey signingKey(String owner) {
        return toolKey;
      }
    };
    PlatformRegistration registration = new PlatformRegistration("Moodle", ISSUER, "client-1", Set.of("dep-1"),
        URI.create("https://moodle.example.edu/auth"), lms.url("/token"), URI.create("https://moodle.example.edu/keys"));
    platforms = new PlatformDirectory() {
      @Override
      public Optional<PlatformRegistration> find(String issuer, String clientId) {
        return issuer.equals(ISSUER) && clientId.equals("client-1") ? Optional.of(registration) : Optional.empty();
      }
    };
    outbox = ScoreOutbox.over(db.transactor(), clock, new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1),
        () -> 1.0));
  }

  @AfterEach
  void close() {
    lms.close();
  }

  /** A sender as one instance of the tool has it: its own token cache, the shared database. */
  private AgsScoreSender instance() {
    ServiceTokens tokens = ServiceTokens.over(keys, clock, new ServiceTokenClient(clock, Duration.ofSeconds(5)));
    return AgsScoreSender.over(links, stored, platforms, tokens, ModuleFixtures.CATALOGUE, clock);
  }

  /** A line item on the fake platform for link-dp, with a scores service; returns its JSON. */
  private String addLineItem() {
    String path = CONTAINER_PATH + "/" + next.getAndIncrement() + "/lineitem";
    lms.route("POST", path + "/scores", AgsMediaType.SCORE, null, s -> Reply.json(200, "{}"));
    String item = "{\"id\":\"" + lms.url(path + "?type_id=3") + "\",\"label\":\"Data protection reflection\","
        + "\"scoreMaximum\":20,\"resourceLinkId\":\"link-dp\",\"resourceId\":\"data-protection\"}";
    lineItems.add(item);
    return item;
  }

  private static String path(int number) {
    return CONTAINER_PATH + "/" + number + "/lineitem";
  }

  private void launch(Optional<URI> lineItem) {
    links.record(new LtiLaunch(ISSUER, "client-1", "dep-1", Optional.of("teacher"), MessageType.RESOURCE_LINK,
        List.of(), Set.of(), Optional.of(new LtiLaunch.Context("course-1", Optional.empty(), Optional.empty())),
        Optional.of(new LtiLaunch.ResourceLink("link-dp", Optional.of("Data protection reflection"))),
        Optional.empty(), Optional.empty(), Map.of("unit", "data-protection"), Optional.empty(),
        Optional.of(new LtiLaunch.GradeService(List.of(AgsScope.SCORE, AgsScope.LINE_ITEM),
            Optional.of(lms.url(CONTAINER_PATH + "?type_id=3").toString()), lineItem.map(URI::toString))),
        Optional.empty(), Optional.empty(), "https://tool.example/lti/launch"));
  }

  private OutboxEntry.Snapshot graded(String user, double points) {
    return outbox.enqueue(new ScoreTarget(ISSUER, "client-1", "dep-1", "link-dp", Optional.of("data-protection"),
        user), ScoreProgress.GRADED, OptionalDouble.of(points), OptionalDouble.of(20), Optional.empty());
  }

  private long count(String method, String path) {
    return lms.requests().stream().filter(r -> r.method().equals(method) && r.uri().getPath().equals(path)).count();
  }

  @Test
  void aLineItemOnceFoundIsStoredAndLaterScoresSkipTheSearch() {
    launch(Optional.empty());
    addLineItem(); // Moodle made the column when the teacher added the activity
    AgsScoreSender sender = instance();
    assertEquals(new DeliveryOutcome.Delivered(200), sender.send(graded("sam", 17)));
    assertEquals(Optional.of(lms.url(path(7) + "?type_id=3")), stored.find(LINK));
    assertEquals(1, count("GET", CONTAINER_PATH));

    assertEquals(new DeliveryOutcome.Delivered(200), sender.send(graded("aino", 12)));
    assertEquals(new DeliveryOutcome.Delivered(200), instance().send(graded("zofia", 9)));
    assertEquals(1, count("GET", CONTAINER_PATH), "the stored line item is used: no second search, on any instance");
    assertEquals(3, count("POST", path(7) + "/scores"));
    assertEquals(0, count("POST", CONTAINER_PATH), "nothing created");
  }

  @Test
  void twoInstancesSendingAtOnceCreateOneLineItemAndBothScoresArriveInIt() throws Exception {
    launch(Optional.empty());
    tokenBarrier = new CyclicBarrier(2);
    OutboxEntry.Snapshot first = graded("sam", 17);
    OutboxEntry.Snapshot second = graded("aino", 12);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<DeliveryOutcome> a = pool.submit(() -> instance().send(first));
      Future<DeliveryOutcome> b = pool.submit(() -> instance().send(second));
      assertEquals(new DeliveryOutcome.Delivered(200), a.get(30, TimeUnit.SECONDS));
      assertEquals(new DeliveryOutcome.Delivered(200), b.get(30, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, count("POST", CONTAINER_PATH), "one line item created: " + lineItems);
    assertEquals(2, count("POST", path(7) + "/scores"), "both scores in it");
    assertEquals(Optional.of(lms.url(path(7) + "?type_id=3")), stored.find(LINK));
  }

  @Test
  void whileAnotherWorkerIsFindingTheLineItemASenderCreatesNoSecondOneAndTriesLater() {
    launch(Optional.empty());
    assertTrue(stored.claim(LINK, "instance-elsewhere/thread-1"), "another instance is at it (and hangs)");
    DeliveryOutcome outcome = instance().send(graded("sam", 17));
    DeliveryOutcome.RetryLater later = assertInstanceOf(DeliveryOutcome.RetryLater.class, outcome);
    assertTrue(later.reason().contains("Another instance"), later.reason());
    assertEquals(0, count("POST", CONTAINER_PATH));
    assertEquals(0, count("GET", CONTAINER_PATH), "not even searched");
  }

  @Test
  void aStoredLineItemDeletedInTheLmsIsForgottenAndTheScoreGoesToANewOne() {
    launch(Optional.empty());
    AgsScoreSender sender = instance();
    assertEquals(new DeliveryOutcome.Delivered(200), sender.send(graded("sam", 17)));
    assertEquals(Optional.of(lms.url(path(7) + "?type_id=3")), stored.find(LINK), "created and stored");

    // the teacher deletes the column in the LMS
    lineItems.clear();
    lms.route("POST", path(7) + "/scores", AgsMediaType.SCORE, null,
        s -> Reply.of(404, "text/plain", "No such line item."));
    assertEquals(new DeliveryOutcome.Delivered(200), sender.send(graded("aino", 12)));
    assertEquals(Optional.of(lms.url(path(8) + "?type_id=3")), stored.find(LINK), "the new one is stored");
    assertEquals(1, count("POST", path(7) + "/scores") - 1, "one 404 on the deleted one");
    assertEquals(1, count("POST", path(8) + "/scores"));
    assertEquals(2, count("POST", CONTAINER_PATH));
  }

  @Test
  void aScoreRefusedWith404OnTheLaunchsOwnLineItemIsARefusalAndCreatesNothing() {
    launch(Optional.of(lms.url(path(5) + "?type_id=3")));
    DeliveryOutcome.Refused refused = assertInstanceOf(DeliveryOutcome.Refused.class,
        instance().send(graded("sam", 17)));
    assertEquals(404, refused.code());
    assertEquals(0, count("POST", CONTAINER_PATH));
  }

  @Test
  void theLaunchsOwnLineItemWinsAndReplacesTheStoredOne() {
    launch(Optional.empty());
    AgsScoreSender sender = instance();
    assertEquals(new DeliveryOutcome.Delivered(200), sender.send(graded("sam", 17)));
    assertEquals(Optional.of(lms.url(path(7) + "?type_id=3")), stored.find(LINK));

    addLineItem(); // the LMS now names line item 8 in the launch
    URI named = lms.url(path(8) + "?type_id=3");
    launch(Optional.of(named));
    assertEquals(new DeliveryOutcome.Delivered(200), sender.send(graded("aino", 12)));
    assertEquals(1, count("POST", path(8) + "/scores"));
    assertEquals(Optional.of(named), stored.find(LINK), "stored in place of the one found before");
    List<String> created = new ArrayList<>(lineItems);
    assertEquals(2, created.size(), "the launch's line item was not created by the tool: " + created);
    assertEquals(1, count("POST", CONTAINER_PATH));
  }
}
