package eu.somework.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.somework.lti.PlatformRegistration;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import jakarta.persistence.PersistenceException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Platform registrations and their deployments, stored and read back on H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class RegistrationStorageTest {
  private static final String ISSUER = "https://moodle.example.edu";
  private static final String CLIENT_ID = "client-1";

  @Parameter DatabaseEngine engine;

  private MigratedDatabase db;
  private PlatformDirectory directory;

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(engine);
    directory = new PlatformDirectory();
    directory.tx = db.transactor();
    directory.clock = Clock.systemUTC();
  }

  @Test
  void savedRegistrationIsFoundWithItsEndpointsAndDeployments() {
    directory.save(moodle("Moodle", Set.of("d1", "d2")), Registration.Origin.FILE, "moodle.properties");

    assertEquals(Optional.of(moodle("Moodle", Set.of("d1", "d2"))), directory.find(ISSUER, CLIENT_ID));
  }

  @Test
  void anotherClientIdOfTheSameIssuerIsNotFound() {
    directory.save(moodle("Moodle", Set.of("d1")), Registration.Origin.FILE, "moodle.properties");

    assertEquals(Optional.empty(), directory.find(ISSUER, "client-2"));
  }

  @Test
  void savingAgainReplacesNameAndDropsTheDeploymentNoLongerListed() {
    directory.save(moodle("Moodle", Set.of("d1", "d2")), Registration.Origin.FILE, "moodle.properties");

    directory.save(moodle("Moodle 4.5", Set.of("d1", "d3")), Registration.Origin.FILE, "moodle.properties");

    assertEquals(Optional.of(moodle("Moodle 4.5", Set.of("d1", "d3"))), directory.find(ISSUER, CLIENT_ID));
    assertEquals(1L, rows("platform_registration"));
    assertEquals(2L, rows("platform_deployment"), "the dropped deployment is still in the table");
  }

  @Test
  void updateTimeSurvivesToTheMillisecond() {
    Instant updated = Instant.parse("2026-03-29T00:59:59.987Z"); // a second before EU summer time
    db.run(em -> {
      Registration registration = new Registration(ISSUER, CLIENT_ID);
      registration.updateFrom(moodle("Moodle", Set.of("d1")), Registration.Origin.SIMULATOR, null, updated);
      em.persist(registration);
    });

    Instant stored = db.inTransaction(em -> em.createQuery(
        "select r.updatedAt from Registration r", Instant.class).getSingleResult());

    assertEquals(updated, stored);
  }

  @Test
  void aSecondRegistrationWithTheSameIssuerAndClientIdIsRefused() {
    directory.save(moodle("Moodle", Set.of("d1")), Registration.Origin.FILE, "moodle.properties");

    assertThrows(PersistenceException.class, () -> db.run(em -> {
      Registration duplicate = new Registration(ISSUER, CLIENT_ID);
      duplicate.updateFrom(moodle("Copy", Set.of("d9")), Registration.Origin.DYNAMIC, null, Instant.now());
      em.persist(duplicate);
    }));
    assertEquals(Optional.of(moodle("Moodle", Set.of("d1"))), directory.find(ISSUER, CLIENT_ID));
  }

  @Test
  void aRegistrationWhoseFileIsGoneIsRevokedAndTheOthersStay() {
    directory.save(moodle("Moodle", Set.of("d1")), Registration.Origin.FILE, "moodle.json");
    directory.save(other("Kept", "client-kept"), Registration.Origin.FILE, "kept.json");
    directory.save(other("Simulator", "client-sim"), Registration.Origin.SIMULATOR, null);
    directory.save(other("Dynamic", "client-dyn"), Registration.Origin.DYNAMIC, "moodle.json");

    List<String> revoked = directory.revokeRegistrationsOfRemovedFiles(Set.of("kept.json", "broken.json"));

    assertEquals(List.of("Moodle (" + ISSUER + ", client id " + CLIENT_ID + ", file moodle.json)"), revoked);
    assertEquals(Optional.empty(), directory.find(ISSUER, CLIENT_ID));
    assertEquals(List.of("Dynamic", "Kept", "Simulator"),
        directory.all().stream().map(PlatformRegistration::name).toList());
    assertEquals(3L, rows("platform_deployment"), "the revoked registration's deployment went with it");
  }

  @Test
  void aRevokedFileRegistrationIsNoLongerListedAndComesBackSwitchedOnWithItsFile() {
    directory.save(moodle("Moodle", Set.of("d1")), Registration.Origin.FILE, "moodle.json");
    long id = directory.summary(ISSUER, CLIENT_ID).orElseThrow().id();
    directory.switchTo(id, false); // an administrator switched it off before the file went

    directory.revokeRegistrationsOfRemovedFiles(Set.of());

    assertEquals(List.of(), directory.summaries(), "not listed as a registration any more");
    assertEquals(Optional.empty(), directory.summary(id));
    directory.save(moodle("Moodle", Set.of("d1")), Registration.Origin.FILE, "moodle.json"); // the file is back
    RegistrationSummary back = directory.summary(ISSUER, CLIENT_ID).orElseThrow();
    assertEquals(true, back.enabled(), "a file put back registers the platform afresh, switched on");
    assertEquals(List.of(back), directory.summaries());
  }

  @Test
  void withTheFileStillThereNothingIsRevoked() {
    directory.save(moodle("Moodle", Set.of("d1")), Registration.Origin.FILE, "moodle.json");

    assertEquals(List.of(), directory.revokeRegistrationsOfRemovedFiles(Set.of("moodle.json")));
    assertEquals(1, directory.all().size());
  }

  private static PlatformRegistration other(String name, String clientId) {
    return new PlatformRegistration(name, "https://lms.example.org", clientId, Set.of("1"),
        URI.create("https://lms.example.org/auth"), URI.create("https://lms.example.org/token"),
        URI.create("https://lms.example.org/jwks"));
  }

  private long rows(String table) {
    return db.inTransaction(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table)
        .getSingleResult()).longValue());
  }

  private static PlatformRegistration moodle(String name, Set<String> deployments) {
    return new PlatformRegistration(name, ISSUER, CLIENT_ID, deployments,
        URI.create(ISSUER + "/mod/lti/auth.php"),
        URI.create(ISSUER + "/mod/lti/token.php"),
        URI.create(ISSUER + "/mod/lti/certs.php"));
  }
}
