package eu.somework.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What list-platforms, register and rotate-keys print, from the API's JSON. */
class ReportsTest {
  static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  static final JsonObject MOODLE = json("""
      {"id": 3, "name": "Moodle", "issuer": "https://moodle.example.edu", "clientId": "c-1", "origin": "FILE",
       "enabled": true, "updatedAt": "2026-12-01T10:00:00Z", "deployments": [{"deploymentId": "1"}, {"deploymentId": "2"}]}
      """);

  @Test
  void registrationsAreATableWithTheirDeploymentIds() {
    JsonObject disabled = json("""
        {"id": 12, "name": "Canvas test", "issuer": "https://canvas.instructure.com", "clientId": "10000000000001",
         "origin": "DYNAMIC", "enabled": false, "updatedAt": null, "deployments": []}
        """);
    assertEquals("""
        ID  NAME         ISSUER                          CLIENT ID       ORIGIN   ENABLED  DEPLOYMENT IDS
        3   Moodle       https://moodle.example.edu      c-1             FILE     yes      1, 2
        12  Canvas test  https://canvas.instructure.com  10000000000001  DYNAMIC  no       -

        2 registrations
        """, Reports.registrations(List.of(MOODLE, disabled)));
  }

  @Test
  void launchActivityIsATableOfItsOwnWhenTheAnswerCarriesIt() {
    JsonObject withActivity = json("""
        {"id": 3, "name": "Moodle", "issuer": "https://moodle.example.edu", "clientId": "c-1", "origin": "FILE",
         "enabled": true, "deployments": [
           {"deploymentId": "1", "launches": 40, "lastLaunch": "2026-12-01T10:00:00Z", "lastFailedLaunch": "2026-11-30T09:00:00Z",
            "lastFailureReason": "EXPIRED", "failures": {"EXPIRED": 2, "NONCE_REUSED": 1}},
           {"deploymentId": "2", "launches": 0, "lastLaunch": null, "lastFailedLaunch": null, "lastFailureReason": null,
            "failures": {}}]}
        """);
    String report = Reports.registrations(List.of(withActivity));
    assertTrue(report.contains("""

        Launches per deployment
        REGISTRATION  DEPLOYMENT ID  LAUNCHES  LAST LAUNCH           FAILURES  LAST FAILED LAUNCH    LAST FAILURE REASON  FAILURES BY REASON
        Moodle        1              40        2026-12-01T10:00:00Z  3         2026-11-30T09:00:00Z  EXPIRED              EXPIRED 2, NONCE_REUSED 1
        Moodle        2              0         -                     0         -                     -                    -
        """), report);
  }

  @Test
  void withoutLaunchActivityThereIsNoActivityTable() {
    assertFalse(Reports.registrations(List.of(MOODLE)).contains("Launches per deployment"));
  }

  @Test
  void textFromTheToolCannotControlTheTerminal() {
    JsonObject hostile = json("""
        {"id": 4, "name": "Evil\\u001b[2J\\u202eMoodle", "issuer": "https://e.example", "clientId": "c\\n2", "origin": "DYNAMIC",
         "enabled": true, "deployments": [{"deploymentId": "1\\r"}]}
        """);
    String report = Reports.registrations(List.of(hostile));
    assertTrue(report.contains("Evil?[2J?Moodle"), report);
    assertTrue(report.contains("c?2"), report);
    assertFalse(report.chars().anyMatch(c -> c == 0x1b || c == 0x202e || c == '\r'), report);
  }

  @Test
  void registeredSaysCreatedOrUpdatedAndShowsTheRegistration() {
    assertEquals("""
        Created registration 3 "Moodle".
          issuer          https://moodle.example.edu
          client id       c-1
          origin          FILE
          enabled         yes
          deployment ids  1, 2
          updated at      2026-12-01T10:00:00Z
        """, Reports.registered(MOODLE, true));
    assertTrue(Reports.registered(MOODLE, false).startsWith("Updated registration 3 \"Moodle\" (same issuer and client id).\n"));
  }

  @Test
  void rotationSaysWhenTheNewKeySigns() {
    String report = Reports.rotation(json("{\"activateAt\": \"2026-12-02T08:00:00Z\"}"), CommandRun.CLOCK);
    assertTrue(report.startsWith("Key rotation scheduled: the tool publishes its next signing key now and signs with it"
        + " from 2026-12-02T08:00:00Z (in 60 minutes).\nThe current key stays published until everything it signed has"
        + " expired, so platforms that cached the key set notice nothing.\n"), report);
    assertTrue(Reports.rotation(json("{\"activateAt\": \"2026-12-02T06:00:00Z\"}"), CommandRun.CLOCK)
        .contains("from 2026-12-02T06:00:00Z (now)."));
  }
}
