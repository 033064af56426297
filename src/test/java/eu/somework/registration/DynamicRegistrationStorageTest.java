package eu.somework.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.audit.AuditLog;
import eu.somework.config.Settings;
import eu.somework.lti.ClientRegistration;
import eu.somework.lti.PlatformConfiguration;
import eu.somework.lti.PlatformRegistration;
import eu.somework.platform.PlatformDirectory;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import eu.somework.testsupport.TestConfig;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a dynamic registration stores, on H2 and PostgreSQL: the same issuer and client id again
 * update one registration (keeping its deployments), a new client id is a registration of its own;
 * each one an audit event; under {@code somework.registration.dynamic=pending} a new one starts off.
 */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class DynamicRegistrationStorageTest {
  static final String ISSUER = "https://moodle.example.edu";

  @Parameter DatabaseEngine engine;

  private MigratedDatabase db;
  private PlatformDirectory directory;
  private DynamicRegistrations registrations;

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(engine);
    directory = new PlatformDirectory(db.transactor(), Clock.systemUTC());
    registrations = over(Map.of());
  }

  private DynamicRegistrations over(Map<String, String> config) {
    DynamicRegistrations r = new DynamicRegistrations();
    r.platforms = directory;
    r.settings = new Settings(TestConfig.of(config));
    r.tx = db.transactor();
    r.audit = AuditLog.over(db.transactor(), Clock.systemUTC());
    return r;
  }

  @SuppressWarnings("unchecked")
  private List<String> auditEvents() {
    return db.inTransaction(em -> ((List<Object[]>) em.createNativeQuery("SELECT action, actor_kind, issuer,"
            + " client_id, detail FROM audit_event ORDER BY occurred_at, action").getResultList()).stream()
        .map(row -> java.util.Arrays.stream(row).map(String::valueOf).collect(java.util.stream.Collectors.joining(" ")))
        .toList());
  }

  static PlatformConfiguration moodle() {
    return new PlatformConfiguration(ISSUER, URI.create(ISSUER + "/mod/lti/auth.php"),
        URI.create(ISSUER + "/mod/lti/token.php"), URI.create(ISSUER + "/mod/lti/certs.php"),
        URI.create(ISSUER + "/mod/lti/openid-registration.php"), List.of(), Optional.of("moodle"),
        Optional.of("4.3.2"), List.of());
  }

  static ClientRegistration answer(String clientId, String deploymentId) {
    return new ClientRegistration(clientId, Optional.of(deploymentId), List.of());
  }

  @Test
  void firstRegistrationStoresClientIdDeploymentAndEndpoints() {
    DynamicRegistrations.Registered r = registrations.store(moodle(), answer("client-1", "3"));

    assertFalse(r.updated());
    assertTrue(r.moodle());
    assertEquals(Optional.of(new PlatformRegistration("Moodle 4.3.2 at moodle.example.edu", ISSUER, "client-1",
        Set.of("3"), URI.create(ISSUER + "/mod/lti/auth.php"), URI.create(ISSUER + "/mod/lti/token.php"),
        URI.create(ISSUER + "/mod/lti/certs.php"))), directory.find(ISSUER, "client-1"));
    assertEquals("DYNAMIC", db.inTransaction(em -> em.createNativeQuery(
        "SELECT origin FROM platform_registration").getSingleResult()));
  }

  @Test
  void sameIssuerAndClientAgainUpdatesAndKeepsTheDeploymentsItHad() {
    registrations.store(moodle(), answer("client-1", "3"));

    DynamicRegistrations.Registered again = registrations.store(moodle(), answer("client-1", "4"));

    assertTrue(again.updated());
    assertEquals(Set.of("3", "4"), directory.find(ISSUER, "client-1").orElseThrow().deploymentIds());
    assertEquals(1L, count("platform_registration"));
  }

  @Test
  void sameIssuerWithANewClientIdIsASecondRegistration() {
    registrations.store(moodle(), answer("client-1", "3"));

    DynamicRegistrations.Registered second = registrations.store(moodle(), answer("client-2", "5"));

    assertFalse(second.updated());
    assertEquals(2, directory.findByIssuer(ISSUER).size());
    assertEquals(Set.of("3"), directory.find(ISSUER, "client-1").orElseThrow().deploymentIds());
  }

  @Test
  void eachStoredRegistrationIsAnAuditEventOfTheDynamicRegistration() {
    registrations.store(moodle(), answer("client-1", "3"));
    long id = directory.summary(ISSUER, "client-1").orElseThrow().id();
    registrations.store(moodle(), answer("client-1", "4"));

    List<String> events = auditEvents();
    assertEquals(2, events.size(), events.toString());
    assertTrue(events.contains("REGISTRATION_ADDED ADMINISTRATOR " + ISSUER + " client-1 dynamic registration: registration "
        + id), events.toString());
    assertTrue(events.contains("REGISTRATION_UPDATED ADMINISTRATOR " + ISSUER + " client-1 dynamic registration:"
        + " registration " + id), events.toString());
    assertTrue(directory.isEnabled(ISSUER, "client-1"), "on by default: switched on at once");
  }

  @Test
  void pendingStoresANewRegistrationSwitchedOffAndAnUpdateKeepsTheAdministratorsSwitch() {
    DynamicRegistrations pending = over(Map.of("somework.registration.dynamic", "pending"));

    DynamicRegistrations.Registered first = pending.store(moodle(), answer("client-1", "3"));

    assertTrue(first.awaitingApproval());
    assertFalse(directory.isEnabled(ISSUER, "client-1"));
    assertTrue(auditEvents().get(0).endsWith("switched off until an administrator switches it on"),
        auditEvents().toString());
    directory.switchTo(directory.summary(ISSUER, "client-1").orElseThrow().id(), true);
    DynamicRegistrations.Registered again = pending.store(moodle(), answer("client-1", "4"));
    assertFalse(again.awaitingApproval());
    assertTrue(directory.isEnabled(ISSUER, "client-1"), "an update leaves the administrator's switch on");
  }

  @Test
  void aClientIdOrDeploymentIdLongerThanItsColumnIsRefusedBeforeAnythingIsStored() throws Exception {
    DynamicRegistrations.checkLengths(moodle(), answer("c".repeat(255), "d".repeat(255)));
    eu.somework.lti.LtiException tooLong = org.junit.jupiter.api.Assertions.assertThrows(
        eu.somework.lti.LtiException.class,
        () -> DynamicRegistrations.checkLengths(moodle(), answer("c".repeat(256), "3")));
    assertEquals("The platform's client_id is longer than 255 characters; nothing was stored.", tooLong.getMessage());
    assertEquals("The platform's deployment_id is longer than 255 characters; nothing was stored.",
        org.junit.jupiter.api.Assertions.assertThrows(eu.somework.lti.LtiException.class,
            () -> DynamicRegistrations.checkLengths(moodle(), answer("c1", "d".repeat(256)))).getMessage());
  }

  private long count(String table) {
    return db.inTransaction(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table)
        .getSingleResult()).longValue());
  }
}
