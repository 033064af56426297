package eu.somework.admin;

import eu.somework.audit.AuditLog;
import eu.somework.launch.DeploymentActivity;
import eu.somework.launch.LaunchActivity;
import eu.somework.platform.KeyRing;
import eu.somework.platform.RegistrationSummary;
import eu.somework.web.Messages;
import eu.somework.web.Templates;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The console's pages ({@code src/main/jte/admin}) and what each shows. */
final class ConsolePages {
  private ConsolePages() {}

  /** The sign-in form; {@code configured} false: the console has no password (production without a hash). */
  record SignIn(Messages text, boolean configured, Optional<String> problem, String user) {}

  /**
   * The overview: registrations with their deployments, the score outbox, the tool's keys, the
   * latest audit events.
   *
   * @param notice what the last action did, shown once
   * @param audit the latest events of the audit log, newest first
   */
  record Overview(Messages text, String csrf, String user, List<RegistrationSummary> registrations,
      Map<Long, Map<String, DeploymentActivity>> activity, DeploymentActivity unknownPlatforms,
      OutboxHealth.Health outbox, List<KeyRing.KeyState> keys, long overlapMinutes, Optional<String> notice,
      List<AuditLog.Entry> audit) {

    /** The launch activity of one of the registration's deployments ({@link DeploymentActivity#NONE} when none). */
    public DeploymentActivity activityOf(RegistrationSummary registration, String deploymentId) {
      return activity.getOrDefault(registration.id(), Map.of()).getOrDefault(deploymentId, DeploymentActivity.NONE);
    }

    /** An instant as the page shows it: ISO-8601 UTC to the second. */
    public String time(java.time.Instant instant) {
      return ConsolePages.time(instant);
    }

    /** The status label of a key: a NEXT key whose rotation is scheduled says when it signs. */
    public String keyStatus(KeyRing.KeyState key) {
      if (key.status() == eu.somework.platform.SigningKey.Status.NEXT && key.activateAt().isPresent()) {
        return text.get("admin.keys.status.NEXT.scheduled", time(key.activateAt().get()));
      }
      return text.get("admin.keys.status." + key.status().name());
    }

    /** The registration's refusals before a deployment was known, if any. */
    public Optional<DeploymentActivity> refusedBeforeDeployment(RegistrationSummary registration) {
      return Optional.ofNullable(activity.getOrDefault(registration.id(), Map.of()).get(LaunchActivity.NO_DEPLOYMENT));
    }
  }

  /** How many audit events the overview shows. */
  static final int AUDIT_SHOWN = 20;

  /**
   * The confirmation before deleting a registration, with why the last attempt was refused, and the
   * file that must be removed first when it comes from one still in the folder.
   */
  record Delete(Messages text, String csrf, RegistrationSummary registration, Optional<String> problem,
      Optional<String> blockingFile) {}

  /** An instant as the console shows it: ISO-8601 UTC to the second (the database keeps microseconds). */
  static String time(java.time.Instant instant) {
    return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  static String signIn(SignIn page) {
    return Templates.render("admin/signIn.jte", page);
  }

  static String overview(Overview page) {
    return Templates.render("admin/overview.jte", page);
  }

  static String delete(Delete page) {
    return Templates.render("admin/delete.jte", page);
  }
}
