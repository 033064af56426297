package eu.somework.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.jobs.BackgroundJobs;
import eu.somework.jobs.ExpiredRows;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import eu.somework.platform.Startup;
import jakarta.enterprise.inject.Instance;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The background purge of the launch's short-lived rows, on H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class ExpiredLoginPurgeTest {
  private static final String ISSUER = "https://moodle.example.edu";
  private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

  @Parameter DatabaseEngine engine;

  private MigratedDatabase db;
  private ExpiredLoginPurge purge;

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(engine);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    purge = new ExpiredLoginPurge();
    purge.states = new LoginStates();
    purge.states.tx = db.transactor();
    purge.states.clock = clock;
    purge.nonces = new DatabaseNonceRegistry();
    purge.nonces.tx = db.transactor();
    purge.nonces.clock = clock;
  }

  @Test
  void aRunDeletesExpiredLoginStatesAndUsedNoncesAndKeepsLiveOnes() {
    db.run(em -> {
      em.persist(loginState("expired", NOW.minusSeconds(1)));
      em.persist(loginState("live", NOW.plusSeconds(60)));
      em.persist(new UsedNonce(ISSUER, "expired", NOW.minusSeconds(1)));
      em.persist(new UsedNonce(ISSUER, "live", NOW.plusSeconds(60)));
    });

    purge.purge();

    assertEquals(List.of("live"), column("select s.state from LoginState s"));
    assertEquals(List.of("live"), column("select n.nonce from UsedNonce n"));
  }

  @Test
  void aRowExpiringThisVeryInstantIsKeptUntilTheNextRun() {
    db.run(em -> em.persist(loginState("now", NOW)));

    purge.purge();

    assertEquals(List.of("now"), column("select s.state from LoginState s"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRunAlsoDeletesTheOtherFeaturesExpiredRows() {
    List<String> asked = new java.util.ArrayList<>();
    List<ExpiredRows> features = List.of(() -> {
      asked.add("first");
      return 2;
    }, () -> {
      asked.add("second");
      return 0;
    });
    purge.others = (Instance<ExpiredRows>) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Instance.class}, (proxy, method, args) -> {
          if (method.getName().equals("iterator")) {
            return features.iterator();
          }
          throw new UnsupportedOperationException(method.getName());
        });

    purge.purge();

    assertEquals(List.of("first", "second"), asked);
  }

  @Test
  void theStartedToolSchedulesThePurgeAMinuteAhead() {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    try {
      purge.jobs = BackgroundJobs.on(scheduler);

      purge.onToolStarted(new Startup.ToolStarted("http://localhost:8080"));

      assertEquals(1, scheduler.getQueue().size());
      long delay = ((ScheduledFuture<?>) scheduler.getQueue().peek()).getDelay(TimeUnit.SECONDS);
      assertTrue(delay > 50 && delay <= 60, "first run in about a minute, not " + delay + " s");
    } finally {
      scheduler.shutdownNow();
    }
  }

  private static LoginState loginState(String state, Instant expiresAt) {
    return new LoginState(state, "nonce", "browser", ISSUER, "client", "user", null,
        "https://tool.example/launch", null, expiresAt);
  }

  private List<String> column(String query) {
    return db.inTransaction(em -> em.createQuery(query, String.class).getResultList());
  }
}
