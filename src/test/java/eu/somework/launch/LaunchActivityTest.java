package eu.somework.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import eu.somework.lti.LtiClaim;
import eu.somework.lti.LtiFailure;
import eu.somework.lti.PlatformRegistration;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.HandClock;
import eu.somework.testsupport.MigratedDatabase;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Launch activity on a real database (H2 and PostgreSQL): counted in memory, added to
 * {@code launch_activity} by flushes (several instances at once), read back with what is not stored
 * yet, and never stored under names an unknown platform sent.
 */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class LaunchActivityTest {
  private static final String MOODLE = "https://moodle.example.edu";
  private static final Instant START = Instant.parse("2026-12-02T08:00:00Z");

  @Parameter DatabaseEngine engine;

  private MigratedDatabase db;
  private HandClock clock;
  private LaunchActivityStore store;

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(engine);
    clock = new HandClock(START);
    store = LaunchActivityStore.over(db.transactor());
  }

  /** One tool instance: its own tally, the shared database. */
  private LaunchOutcomes instance() {
    return LaunchOutcomes.over(store, clock, null);
  }

  private LaunchActivity reader(LaunchOutcomes instance) {
    return LaunchActivity.over(instance, store);
  }

  @Test
  void launchesAndRefusalsShowPerDeploymentBeforeAndAfterTheyAreStored() {
    LaunchOutcomes tool = instance();
    tool.accepted(MOODLE, "client-1", "dep-1");
    clock.advance(Duration.ofMinutes(1));
    tool.rejected(MOODLE, "client-1", "dep-1", LtiFailure.EXPIRED);
    clock.advance(Duration.ofMinutes(1));
    tool.accepted(MOODLE, "client-1", "dep-1");
    tool.rejected(MOODLE, "client-1", null, LtiFailure.STATE_COOKIE_MISSING);
    DeploymentActivity expected = new DeploymentActivity(Optional.of(START.plusSeconds(120)),
        Optional.of(START.plusSeconds(60)), Optional.of("EXPIRED"), 2, Map.of("EXPIRED", 1L));

    assertEquals(expected, reader(tool).forRegistration(MOODLE, "client-1").get("dep-1"), "not stored yet");
    assertEquals(4, tool.flush());
    Map<String, DeploymentActivity> stored = reader(instance()).forRegistration(MOODLE, "client-1");

    assertEquals(expected, stored.get("dep-1"), "as another instance reads it from the database");
    assertEquals(Map.of("STATE_COOKIE_MISSING", 1L), stored.get(LaunchActivity.NO_DEPLOYMENT).failures());
    assertEquals(expected, reader(tool).forRegistration(MOODLE, "client-1").get("dep-1"), "not counted twice");
    assertEquals(Map.of(), reader(tool).forRegistration(MOODLE, "client-2"));
  }

  @Test
  void flushesAddToWhatIsStoredAndKeepTheLatestTimeWhicheverInstanceStoresLast() {
    LaunchOutcomes a = instance();
    LaunchOutcomes b = instance();
    b.accepted(MOODLE, "client-1", "dep-1"); // the earlier launch, stored last
    clock.advance(Duration.ofMinutes(5));
    a.accepted(MOODLE, "client-1", "dep-1");
    a.accepted(MOODLE, "client-1", "dep-1");
    a.flush();
    b.flush();

    DeploymentActivity seen = reader(instance()).forRegistration(MOODLE, "client-1").get("dep-1");
    assertEquals(3, seen.launches());
    assertEquals(Optional.of(START.plus(Duration.ofMinutes(5))), seen.lastLaunch());
  }

  @Test
  void refusalsForAnUnknownPlatformAreCountedByReasonOnlyAndNeverUnderTheNamesItSent() {
    LaunchOutcomes tool = instance();
    tool.rejected("https://attacker.example/x", "chosen-client", "chosen-deployment", LtiFailure.UNKNOWN_ISSUER);
    tool.rejected(MOODLE, "deleted-client", null, LtiFailure.UNKNOWN_CLIENT_ID);
    tool.rejected(LtiFailure.LOGIN_RATE_LIMITED);
    tool.rejected(null, null, null, LtiFailure.STATE_UNKNOWN);
    tool.flush();

    DeploymentActivity unknown = reader(instance()).unknownPlatform();
    assertEquals(Map.of("UNKNOWN_ISSUER", 1L, "UNKNOWN_CLIENT_ID", 1L, "LOGIN_RATE_LIMITED", 1L, "STATE_UNKNOWN", 1L),
        unknown.failures());
    assertEquals(0, unknown.launches());
    List<String> stored = db.inTransaction(em -> em.createNativeQuery(
        "SELECT issuer || '|' || client_id || '|' || deployment_id FROM launch_activity").getResultList());
    assertEquals(List.of("||", "||", "||", "||"), stored);
  }

  @Test
  void twoInstancesFlushingAtOnceLoseNoCount() throws Exception {
    LaunchOutcomes a = instance();
    LaunchOutcomes b = instance();
    int rounds = 15;
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (LaunchOutcomes instance : List.of(a, b)) {
        runs.add(pool.submit(() -> {
          for (int round = 0; round < rounds; round++) {
            // a row both insert at once (new this round), and rows both add to
            instance.accepted(MOODLE, "client-1", "dep-" + round);
            instance.accepted(MOODLE, "client-1", "dep-shared");
            instance.rejected(MOODLE, "client-1", "dep-shared", LtiFailure.NONCE_REPLAYED);
            instance.rejected(LtiFailure.UNKNOWN_ISSUER);
            together.await(30, TimeUnit.SECONDS);
            flushUntilStored(instance);
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    LaunchActivity activity = reader(instance());
    Map<String, DeploymentActivity> seen = activity.forRegistration(MOODLE, "client-1");
    for (int round = 0; round < rounds; round++) {
      assertEquals(2, seen.get("dep-" + round).launches(), "dep-" + round);
    }
    assertEquals(2L * rounds, seen.get("dep-shared").launches());
    assertEquals(Map.of("NONCE_REPLAYED", 2L * rounds), seen.get("dep-shared").failures());
    assertEquals(Map.of("UNKNOWN_ISSUER", 2L * rounds), activity.unknownPlatform().failures());
  }

  /** A flush that loses an insert race twice leaves its counts pending: the next one stores them (as the job would). */
  private static void flushUntilStored(LaunchOutcomes instance) {
    for (int attempt = 0; ; attempt++) {
      try {
        instance.flush();
        return;
      } catch (RuntimeException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  @Test
  void aFlushThatFailsLeavesNothingHalfStoredAndTheNextOneStoresAll() {
    LaunchOutcomes tool = instance();
    tool.accepted(MOODLE, "client-1", "dep-1");
    tool.rejected(MOODLE, "client-1", "dep-1", LtiFailure.EXPIRED);
    LaunchOutcomes broken = LaunchOutcomes.over(new LaunchActivityStore() {
      @Override
      void add(Map<LaunchTally.Cell, LaunchTally.Counts> counts) {
        throw new IllegalStateException("database unreachable");
      }
    }, clock, null);
    broken.accepted(MOODLE, "client-1", "dep-1");
    assertThrows(IllegalStateException.class, broken::flush);

    tool.flush();

    assertEquals(1, reader(instance()).forRegistration(MOODLE, "client-1").get("dep-1").launches());
    assertEquals(2, reader(broken).forRegistration(MOODLE, "client-1").get("dep-1").launches(),
        "stored one and the unstored one of that instance");
  }

  @Test
  void forgettingARegistrationDeletesItsRowsAndWhatIsPendingAndNothingElse() {
    LaunchOutcomes tool = instance();
    tool.accepted(MOODLE, "client-1", "dep-1");
    tool.accepted(MOODLE, "client-2", "dep-1");
    tool.flush();
    tool.rejected(MOODLE, "client-1", "dep-1", LtiFailure.EXPIRED);

    assertEquals(1, reader(tool).forget(MOODLE, "client-1"));

    assertEquals(Map.of(), reader(tool).forRegistration(MOODLE, "client-1"));
    assertEquals(1, reader(tool).forRegistration(MOODLE, "client-2").get("dep-1").launches());
    tool.flush();
    assertEquals(Map.of(), reader(instance()).forRegistration(MOODLE, "client-1"));
  }

  @Test
  void aRefusedTokenCountsUnderItsDeploymentOnlyWhenTheRefusalCameAfterItsSignatureWasVerified() throws Exception {
    PlatformRegistration registration = new PlatformRegistration("Moodle", MOODLE, "client-1", Set.of("dep-1"),
        URI.create(MOODLE + "/auth"), URI.create(MOODLE + "/token"), URI.create(MOODLE + "/jwks"));
    String naming1 = token("dep-1");

    assertEquals(Optional.of("dep-1"), LaunchOutcomes.signedDeployment(naming1, registration, LtiFailure.EXPIRED));
    assertEquals(Optional.of("dep-1"),
        LaunchOutcomes.signedDeployment(naming1, registration, LtiFailure.NONCE_REPLAYED));
    assertEquals(Optional.empty(), LaunchOutcomes.signedDeployment(naming1, registration, LtiFailure.BAD_SIGNATURE),
        "not signed by the platform: its claims are anyone's");
    assertEquals(Optional.empty(), LaunchOutcomes.signedDeployment(naming1, registration, LtiFailure.UNKNOWN_KEY));
    assertEquals(Optional.empty(),
        LaunchOutcomes.signedDeployment(token("chosen-by-someone"), registration, LtiFailure.EXPIRED),
        "not a deployment of the registration");
    assertEquals(Optional.empty(), LaunchOutcomes.signedDeployment("not.a.jwt", registration, LtiFailure.EXPIRED));
    assertTrue(LaunchOutcomes.signedDeployment(null, registration, LtiFailure.EXPIRED).isEmpty());
  }

  private static String token(String deploymentId) throws Exception {
    RSAKey key = KEY;
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
        new JWTClaimsSet.Builder().issuer(MOODLE).claim(LtiClaim.DEPLOYMENT_ID, deploymentId).build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static final RSAKey KEY = newKey();

  private static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("k1").generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
