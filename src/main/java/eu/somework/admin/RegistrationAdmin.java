package eu.somework.admin;

import eu.somework.config.Settings;
import eu.somework.launch.DeploymentActivity;
import eu.somework.launch.LaunchActivity;
import eu.somework.lti.PlatformRegistration;
import eu.somework.persistence.Transactor;
import eu.somework.platform.PlatformDirectory;
import eu.somework.platform.PlatformFile;
import eu.somework.platform.Registration;
import eu.somework.platform.RegistrationStatus;
import eu.somework.platform.RegistrationSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * What tool administrators do with registrations (console and API alike): list them, register a
 * platform from the JSON of a platform file, switch one off and on, delete one with its data.
 */
@ApplicationScoped
public class RegistrationAdmin {
  private static final Logger LOG = Logger.getLogger(RegistrationAdmin.class.getName());

  @Inject PlatformDirectory platforms;
  @Inject RegistrationErasure erasure;
  @Inject LaunchActivity launchActivity;
  @Inject RegistrationStatus status;
  @Inject Settings settings;
  @Inject AdminAudit audit;
  @Inject Transactor tx;
  @Inject eu.somework.course.CourseMembers members;
  @Inject eu.somework.course.ResourceLinks links;

  /** A registration created or updated: {@code created} is false when it existed (same issuer + client id). */
  public record Saved(boolean created, RegistrationSummary registration) {}

  /** Every registration, ordered by name. */
  public List<RegistrationSummary> list() {
    return platforms.summaries();
  }

  /**
   * Registers a platform from the JSON a file in {@code lti-config/platforms} holds (the same
   * checks), with origin {@link Registration.Origin#ADMIN}; the same issuer + client id again
   * updates it (an administrator's switch-off stays).
   *
   * @throws AdminRefused 400 naming the bad field
   */
  public Saved register(String json) {
    PlatformRegistration description;
    try {
      description = PlatformFile.parse("the registration", json == null ? "" : json);
    } catch (PlatformFile.Invalid e) {
      throw new AdminRefused(400, e.getMessage() + ".");
    }
    PlatformRegistration checked = description; // the change and its audit event in one transaction
    Saved result = tx.inTransaction(em -> {
      boolean existed = platforms.summary(checked.issuer(), checked.clientId()).isPresent();
      platforms.save(checked, Registration.Origin.ADMIN, null);
      RegistrationSummary stored = platforms.summary(checked.issuer(), checked.clientId()).orElseThrow();
      audit.record(existed ? "REGISTRATION_UPDATED" : "REGISTRATION_ADDED", stored.issuer(), stored.clientId(),
          "registration " + stored.id());
      return new Saved(!existed, stored);
    });
    RegistrationSummary saved = result.registration();
    LOG.info(() -> "Platform registration " + (result.created() ? "created" : "updated") + " by a tool administrator: "
        + saved.issuer() + " (client id " + saved.clientId() + ", id " + saved.id() + ")");
    return result;
  }

  /**
   * Switches registration {@code id} on or off.
   *
   * @throws AdminRefused 404 for an unknown id
   */
  public RegistrationSummary switchTo(long id, boolean enabled) {
    RegistrationSummary changed = tx.inTransaction(em -> {
      RegistrationSummary switched = platforms.switchTo(id, enabled).orElseThrow(() -> unknown(id));
      audit.record(enabled ? "REGISTRATION_ENABLED" : "REGISTRATION_DISABLED", switched.issuer(), switched.clientId(),
          "registration " + id);
      return switched;
    });
    status.forgetAll(); // frees this instance's kept answers; every instance follows the raised generation
    platforms.forgetRegistrations(); // and its logins and launches
    LOG.info(() -> "Platform registration " + changed.issuer() + " (client id " + changed.clientId() + ") switched "
        + (enabled ? "on" : "off") + " by a tool administrator");
    return changed;
  }

  /**
   * The registration's launch activity by deployment id ({@link LaunchActivity#NO_DEPLOYMENT} for
   * refusals before a deployment was known), sorted; empty when it never launched.
   */
  public Map<String, DeploymentActivity> activity(RegistrationSummary registration) {
    return launchActivity.forRegistration(registration.issuer(), registration.clientId());
  }

  /** Refused launches from platforms the tool does not know, counted by reason only. */
  public DeploymentActivity unknownPlatforms() {
    return launchActivity.unknownPlatform();
  }

  /** Registration {@code id}. @throws AdminRefused 404 for an unknown id */
  public RegistrationSummary get(long id) {
    return platforms.summary(id).orElseThrow(() -> unknown(id));
  }

  /**
   * Deletes registration {@code id} and everything the tool holds of it ({@link RegistrationErasure}).
   *
   * @param confirm must be the registration's client id, as typed by the administrator (spaces around it
   *     do not count: a copied id often brings one)
   * @return rows deleted per table
   * @throws AdminRefused 404 for an unknown id; 409 when {@code confirm} is not the client id, or
   *     when the registration comes from a file still in the configuration folder (it would come
   *     back at the next start)
   */
  public Map<String, Integer> delete(long id, String confirm) {
    RegistrationSummary registration = get(id);
    if (confirm == null || !confirm.strip().equals(registration.clientId())) {
      throw new AdminRefused(409, "To delete registration " + id + " with its data, confirm with its client id ("
          + registration.clientId() + ").");
    }
    if (registration.origin() == Registration.Origin.FILE && registration.sourceFile()
        .map(file -> Files.exists(settings.ltiConfigDir().resolve(file))).orElse(false)) {
      throw new AdminRefused(409, "This registration comes from the file " + registration.sourceFile().get()
          + " in the configuration folder and would come back at the next start: remove the file first.");
    }
    Map<String, Integer> deleted = tx.inTransaction(em -> {
      Map<String, Integer> rows = erasure.erase(id, registration.issuer(), registration.clientId());
      // issuer and client id are configuration, not personal data: the event says what was deleted
      audit.record("REGISTRATION_DELETED", registration.issuer(), registration.clientId(),
          AdminAudit.deletion(id, rows.values().stream().mapToInt(Integer::intValue).sum()));
      return rows;
    });
    launchActivity.forget(registration.issuer(), registration.clientId()); // and what this instance has not stored yet
    status.forgetAll(); // its open sessions end at once, here and (by the raised generation) on every instance
    platforms.forgetRegistrations(); // and its logins and launches
    if (members != null) { // (null outside the container)
      members.forgetSeen(); // a new registration of the same ids stores its members and links again
      links.forgetRecorded();
    }
    LOG.warning(() -> "Platform registration " + registration.issuer() + " (client id " + registration.clientId()
        + ") deleted with its data by a tool administrator: " + deleted);
    return deleted;
  }

  private static AdminRefused unknown(long id) {
    return new AdminRefused(404, "There is no registration " + id + ".");
  }
}
