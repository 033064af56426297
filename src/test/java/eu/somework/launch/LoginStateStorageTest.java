package eu.somework.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Login states in flight, stored and read back on H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class LoginStateStorageTest {
  private static final String ISSUER = "https://moodle.example.edu";
  private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

  @Parameter DatabaseEngine engine;

  private MigratedDatabase db;
  private LoginStates states;

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(engine);
    states = new LoginStates();
    states.tx = db.transactor();
    states.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    states.settings = new eu.somework.config.Settings() {
      @Override
      public long maxLiveLoginStates() {
        return 2;
      }
    };
  }

  static eu.somework.lti.LoginInitiation login() throws eu.somework.lti.LtiException {
    return eu.somework.lti.LoginInitiation.fromParameters(Map.of(
        "iss", ISSUER, "login_hint", "user-7", "target_link_uri", "https://tool.example/lti/launch"));
  }

  static eu.somework.lti.PlatformRegistration registration() {
    return new eu.somework.lti.PlatformRegistration("Moodle", ISSUER, "client-1", java.util.Set.of("1"),
        java.net.URI.create(ISSUER + "/auth"), java.net.URI.create(ISSUER + "/token"),
        java.net.URI.create(ISSUER + "/jwks"));
  }

  @Test
  void issuedLoginKeepsTheTargetLinkUriTheIdTokenMustRepeat() throws Exception {
    LoginStates.IssuedLogin issued = states.issue(login(), registration(), "browser-1");

    assertEquals("https://tool.example/lti/launch", states.find(issued.state()).orElseThrow().targetLinkUri());
  }

  @Test
  void loginsBeyondTheCapOfLiveStatesAreRefusedUntilSomeExpire() throws Exception {
    states.issue(login(), registration(), "b1");
    states.issue(login(), registration(), "b2");

    LaunchRejected refused = org.junit.jupiter.api.Assertions.assertThrows(LaunchRejected.class,
        () -> states.issue(login(), registration(), "b3"));
    assertEquals(eu.somework.lti.LtiFailure.LOGINS_AT_CAPACITY, refused.reason().failure());
    assertEquals(503, refused.reason().httpStatus());
    assertEquals(Optional.of(java.time.Duration.ofSeconds(60)), refused.retryAfter());
    assertEquals(2L, liveStates(), "the refused login stored nothing");

    db.run(em -> em.createQuery("update LoginState s set s.expiresAt = :past")
        .setParameter("past", NOW.minusSeconds(1)).executeUpdate());
    states.issue(login(), registration(), "b4");
    assertEquals(1L, liveStates(), "expired states make room, before the background purge removes them");
  }

  private long liveStates() {
    return db.inTransaction(em -> em.createQuery("select count(s) from LoginState s where s.expiresAt >= :now",
        Long.class).setParameter("now", NOW).getSingleResult());
  }

  @Test
  void storedLoginStateKeepsWhatTheLaunchChecksAndTheLoginToRestart() {
    Instant expires = NOW.plusSeconds(600);
    store(new LoginState("state-1", "nonce-1", "browser-1", ISSUER, "client-1",
        "user-7", "hint-ø", "https://tool.example/launch", null, expires));

    LoginState found = states.find("state-1").orElseThrow();

    assertEquals("nonce-1", found.nonce());
    assertTrue(found.issuedTo("browser-1"));
    assertFalse(found.issuedTo("browser-2"));
    assertEquals(Map.of("iss", ISSUER, "login_hint", "user-7", "target_link_uri", "https://tool.example/launch",
        "client_id", "client-1", "lti_message_hint", "hint-ø"), found.loginParameters());
  }

  @Test
  void expiryTimeSurvivesToTheMillisecond() {
    Instant expires = Instant.parse("2027-01-01T00:00:00.999Z");
    store(new LoginState("state-1", "n", "b", ISSUER, "c", "u", null, "https://tool.example/launch", "d1", expires));

    Instant stored = db.inTransaction(em -> em.createQuery(
        "select s.expiresAt from LoginState s where s.state = 'state-1'", Instant.class).getSingleResult());

    assertEquals(expires, stored);
  }

  @Test
  void anExpiredLoginStateIsNotFound() {
    store(new LoginState("old", "n", "b", ISSUER, "c", "u", null, "https://tool.example/launch", null,
        NOW.minusSeconds(1)));

    assertEquals(Optional.empty(), states.find("old"));
  }

  @Test
  void thePurgeDeletesExpiredLoginStatesAndKeepsLiveOnes() {
    store(new LoginState("old", "n", "b", ISSUER, "c", "u", null, "https://tool.example/launch", null,
        NOW.minusMillis(1)));
    store(new LoginState("live", "n", "b", ISSUER, "c", "u", null, "https://tool.example/launch", null,
        NOW.plusSeconds(600)));

    assertEquals(1, states.purgeExpired());

    assertEquals(List.of("live"), db.inTransaction(em -> em.createQuery("select s.state from LoginState s",
        String.class).getResultList()));
    assertTrue(states.find("live").isPresent());
  }

  private void store(LoginState state) {
    db.run(em -> em.persist(state));
  }
}
