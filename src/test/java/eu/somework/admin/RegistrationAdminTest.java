package eu.somework.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.config.Settings;
import eu.somework.grading.Backoff;
import eu.somework.grading.DeliveryOutcome;
import eu.somework.grading.ScoreOutbox;
import eu.somework.grading.ScoreProgress;
import eu.somework.grading.ScoreTarget;
import eu.somework.lti.PlatformRegistration;
import eu.somework.platform.PlatformDirectory;
import eu.somework.platform.Registration;
import eu.somework.platform.RegistrationSummary;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.HandClock;
import eu.somework.testsupport.MigratedDatabase;
import eu.somework.testsupport.TestConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What administrators do with registrations, on H2 and PostgreSQL: register from a platform file's
 * JSON, switch off (scores wait, reloading the files does not switch it back on) and on, delete with
 * every row of every table that names the registration, except the administrators' own audit events
 * (which tell a repeated delete that the registration was already deleted).
 */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class RegistrationAdminTest {
  private static final String ISSUER = "https://lms.example.org";
  private static final Instant T0 = Instant.parse("2027-03-01T12:00:00Z");

  @Parameter DatabaseEngine engine;
  @TempDir Path configFolder;

  private MigratedDatabase db;
  private HandClock clock;
  private PlatformDirectory directory;
  private RegistrationAdmin admin;

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(engine);
    clock = new HandClock(T0);
    directory = new PlatformDirectory(db.transactor(), clock);
    admin = new RegistrationAdmin();
    admin.platforms = directory;
    admin.erasure = RegistrationErasure.over(db.transactor());
    admin.launchActivity = eu.somework.launch.LaunchActivity.over(db.transactor(), clock);
    admin.status = eu.somework.platform.RegistrationStatus.over(db.transactor());
    admin.settings = new Settings(TestConfig.of(Map.of("somework.lti-config-dir", configFolder.toString())));
    admin.tx = db.transactor();
    admin.audit = new AdminAudit();
    admin.audit.log = eu.somework.audit.AuditLog.over(db.transactor(), clock);
    admin.audit.context = new AdminContext();
  }

  private static String json(String clientId, String field) {
    return "{\"name\": \"LMS " + clientId + "\", \"issuer\": \"" + ISSUER + "\", " + field + "\"deploymentIds\": [\"d1\"],"
        + " \"authorizationEndpoint\": \"" + ISSUER + "/auth\", \"tokenEndpoint\": \"" + ISSUER + "/token\","
        + " \"jwksUri\": \"" + ISSUER + "/jwks\"}";
  }

  private RegistrationSummary registered(String clientId) {
    return admin.register(json(clientId, "\"clientId\": \"" + clientId + "\", ")).registration();
  }

  @Test
  void aPlatformFilesJsonRegistersOnceAndThenUpdates() {
    RegistrationAdmin.Saved first = admin.register(json("c1", "\"clientId\": \"c1\", "));
    assertTrue(first.created());
    assertEquals(Registration.Origin.ADMIN, first.registration().origin());
    assertTrue(first.registration().enabled());
    RegistrationAdmin.Saved again = admin.register(json("c1", "\"clientId\": \"c1\", "));
    assertFalse(again.created());
    assertEquals(first.registration().id(), again.registration().id());

    AdminRefused missing = assertThrows(AdminRefused.class, () -> admin.register(json("c2", "")));
    assertEquals(400, missing.status());
    assertEquals("the registration: field 'clientId' is missing.", missing.getMessage());
    assertEquals(400, assertThrows(AdminRefused.class, () -> admin.register("not json")).status());
  }

  @Test
  void anOverLongFieldAPlainHttpEndpointOrAPlaceholderIsA400NamingTheFieldAndNothingIsStored() {
    AdminRefused tooLong = assertThrows(AdminRefused.class,
        () -> admin.register(json("c1", "\"clientId\": \"" + "c".repeat(256) + "\", ")));
    assertEquals(400, tooLong.status());
    assertEquals("the registration: field 'clientId' is longer than 255 characters.", tooLong.getMessage());
    AdminRefused plainHttp = assertThrows(AdminRefused.class, () -> admin.register(json("c1", "\"clientId\": \"c1\", ")
        .replace("\"" + ISSUER + "/auth\"", "\"http://x.example.edu/auth\"")));
    assertEquals(400, plainHttp.status());
    assertTrue(plainHttp.getMessage().startsWith("the registration: field 'authorizationEndpoint' must be an https URL"),
        plainHttp.getMessage());
    AdminRefused placeholder = assertThrows(AdminRefused.class,
        () -> admin.register(json("c1", "\"clientId\": \"replace-with-client-id\", ")));
    assertEquals(400, placeholder.status());
    assertTrue(placeholder.getMessage().startsWith("the registration: field 'clientId' still holds the sample"),
        placeholder.getMessage());
    assertTrue(directory.summaries().isEmpty());
  }

  @Test
  void aSwitchedOffRegistrationStaysOffWhenTheFilesAreLoadedAgainAndItsScoresWait() {
    RegistrationSummary registration = registered("c1");
    RegistrationSummary other = registered("c2");
    ScoreOutbox outbox = ScoreOutbox.over(db.transactor(), clock,
        new Backoff(Duration.ofSeconds(15), Duration.ofHours(1), () -> 1.0), directory);
    for (RegistrationSummary r : List.of(registration, other)) {
      outbox.enqueue(new ScoreTarget(ISSUER, r.clientId(), "d1", "link-1", Optional.of("unit"), "u1"),
          ScoreProgress.GRADED, OptionalDouble.of(5), OptionalDouble.of(10), Optional.empty());
    }

    assertFalse(admin.switchTo(registration.id(), false).enabled());
    assertFalse(directory.isEnabled(ISSUER, "c1"));
    PlatformRegistration fromFile = directory.find(ISSUER, "c1").orElseThrow();
    directory.save(new PlatformRegistration(fromFile.name(), ISSUER, "c1", Set.of("d1", "d2"),
        URI.create(ISSUER + "/auth"), URI.create(ISSUER + "/token"), URI.create(ISSUER + "/jwks")),
        Registration.Origin.FILE, "lms.json");
    assertFalse(directory.isEnabled(ISSUER, "c1"), "loading the files again does not switch it back on");

    List<String> sent = new ArrayList<>();
    outbox.deliverDue(entry -> {
      sent.add(entry.target().clientId());
      return new DeliveryOutcome.Delivered(200);
    }, "w1", 10);
    assertEquals(List.of("c2"), sent, "only the switched-on registration's score goes out");
    assertEquals(1, outbox.backlog().pending(), "the other one waits, unchanged");

    assertTrue(admin.switchTo(registration.id(), true).enabled());
    outbox.deliverDue(entry -> {
      sent.add(entry.target().clientId());
      return new DeliveryOutcome.Delivered(200);
    }, "w1", 10);
    assertEquals(List.of("c2", "c1"), sent, "switched on again, its waiting score goes out at once");
    assertEquals(404, assertThrows(AdminRefused.class, () -> admin.switchTo(424242, true)).status());
  }

  @Test
  void deletingARegistrationTakesEveryRowNamingItAndLeavesTheOthers() {
    RegistrationSummary doomed = registered("c1");
    registered("c2");
    db.run(em -> {
      for (String client : List.of("c1", "c2")) {
        for (String sql : List.of(
            "INSERT INTO course_member VALUES (?1, ?2, 'd1', 'course', 'u1', NULL, 'STUDENT', CURRENT_TIMESTAMP)",
            "INSERT INTO unit_progress VALUES (?1, ?2, 'd1', 'course', 'u1', 'unit', 'READ', CURRENT_TIMESTAMP)",
            "INSERT INTO resource_link (issuer, client_id, deployment_id, resource_link_id, updated_at)"
                + " VALUES (?1, ?2, 'd1', 'link', CURRENT_TIMESTAMP)",
            "INSERT INTO stored_line_item (issuer, client_id, deployment_id, resource_link_id, updated_at)"
                + " VALUES (?1, ?2, 'd1', 'link', CURRENT_TIMESTAMP)",
            "INSERT INTO reflection VALUES (?2 || '-r', ?1, ?2, 'd1', 'course', 'u1', 'unit', 'PRIVATE', 'SUBMITTED',"
                + " '<p>x</p>', 1, NULL, CURRENT_TIMESTAMP, 1)",
            "INSERT INTO reflection_version VALUES (?2 || '-v', ?2 || '-r', 1, '<p>x</p>', 1, CURRENT_TIMESTAMP)",
            "INSERT INTO reflection_comment VALUES (?2 || '-c', ?2 || '-r', 'u2', 'STUDENT', 'nice', CURRENT_TIMESTAMP)",
            "INSERT INTO grade (id, issuer, client_id, deployment_id, context_id, unit_id, user_id, version_id,"
                + " score_given, score_maximum, released, graded_by, updated_at) VALUES (?2 || '-g', ?1, ?2, 'd1',"
                + " 'course', 'unit', 'u1', ?2 || '-v', 5, 10, FALSE, 't1', CURRENT_TIMESTAMP)",
            "INSERT INTO grade_criterion VALUES (?2 || '-g', 'crit', 5, NULL)",
            "INSERT INTO login_state (state, nonce, browser_hash, issuer, client_id, login_hint, target_link_uri,"
                + " expires_at) VALUES (?2 || '-s', 'n', 'b', ?1, ?2, 'h', 't', CURRENT_TIMESTAMP)",
            "INSERT INTO audit_event (id, occurred_at, action, actor_kind, actor_user_id, issuer, client_id,"
                + " deployment_id, context_id, subject_user_id, detail) VALUES (?2 || '-e', CURRENT_TIMESTAMP,"
                + " 'GRADE_SAVED', 'TEACHER', 't1', ?1, ?2, 'd1', 'course', 'u1', 'unit')")) {
          em.createNativeQuery(sql).setParameter(1, ISSUER).setParameter(2, client).executeUpdate();
        }
      }
      em.createNativeQuery("INSERT INTO language_preference VALUES (?1, 'u1', 'fi', CURRENT_TIMESTAMP)")
          .setParameter(1, ISSUER).executeUpdate();
    });

    assertEquals(409, assertThrows(AdminRefused.class, () -> admin.delete(doomed.id(), null)).status());
    assertEquals(409, assertThrows(AdminRefused.class, () -> admin.delete(doomed.id(), "c2")).status());
    assertFalse(admin.audit.registrationDeleted(doomed.id()), "not deleted yet");
    Map<String, Integer> deleted = admin.delete(doomed.id(), "c1");

    for (String table : List.of("course_member", "unit_progress", "resource_link", "stored_line_item", "reflection",
        "reflection_version", "reflection_comment", "grade", "grade_criterion", "login_state", "platform_registration")) {
      assertEquals(1, deleted.get(table), table + " in " + deleted);
      assertEquals(1L, count(table), table + ": the other registration's row stays");
    }
    assertEquals(1L, count("language_preference"), "kept: another registration has the same issuer");
    assertEquals(1, deleted.get("audit_event"), "the teacher's event about the registration goes: " + deleted);
    assertEquals(List.of("REGISTRATION_ADDED", "REGISTRATION_DELETED"), administratorsEventsAbout("c1"),
        "the administrators' events about it stay, and the deletion names issuer and client id");
    assertTrue(directory.summary(doomed.id()).isEmpty());
    assertEquals(404, assertThrows(AdminRefused.class, () -> admin.delete(doomed.id(), "c1")).status());
    // what the console's "already deleted" asks: the database's answer, after a restart or on another instance too
    assertTrue(admin.audit.registrationDeleted(doomed.id()));
    assertFalse(admin.audit.registrationDeleted(Long.parseLong("1" + doomed.id())), "not a longer id");
    assertFalse(admin.audit.registrationDeleted(directory.summary(ISSUER, "c2").orElseThrow().id()), "not another");

    RegistrationSummary last = directory.summary(ISSUER, "c2").orElseThrow();
    assertEquals(1, admin.delete(last.id(), "c2").get("language_preference"), "the issuer's last registration");
    assertEquals(0L, count("language_preference"));
  }

  @Test
  void aRegistrationFromAFileStillInTheFolderIsNotDeleted() throws Exception {
    PlatformRegistration description = new PlatformRegistration("LMS", ISSUER, "c1", Set.of("d1"),
        URI.create(ISSUER + "/auth"), URI.create(ISSUER + "/token"), URI.create(ISSUER + "/jwks"));
    directory.save(description, Registration.Origin.FILE, "lms.json");
    Files.writeString(configFolder.resolve("lms.json"), "{}");
    long id = directory.summary(ISSUER, "c1").orElseThrow().id();
    AdminRefused refused = assertThrows(AdminRefused.class, () -> admin.delete(id, "c1"));
    assertEquals(409, refused.status());
    assertTrue(refused.getMessage().endsWith("remove the file first."), refused.getMessage());

    Files.delete(configFolder.resolve("lms.json"));
    assertEquals(1, admin.delete(id, "c1").get("platform_registration"));
  }

  @SuppressWarnings("unchecked")
  private List<String> administratorsEventsAbout(String clientId) {
    return db.inTransaction(em -> ((List<Object>) em.createNativeQuery("SELECT action FROM audit_event"
            + " WHERE issuer = ?1 AND client_id = ?2 AND actor_kind = 'ADMINISTRATOR' ORDER BY action")
        .setParameter(1, ISSUER).setParameter(2, clientId).getResultList()).stream().map(Object::toString).toList());
  }

  private long count(String table) {
    return db.inTransaction(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table)
        .getSingleResult()).longValue());
  }
}
