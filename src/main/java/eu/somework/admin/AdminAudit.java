package eu.somework.admin;

import eu.somework.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What tool administrators did, in the audit log ({@link AuditLog}, actor
 * {@link AuditLog.ActorKind#ADMINISTRATOR}): sign-ins and failed ones, registrations added, updated,
 * switched on or off and deleted, key rotations, exports and erasures of a person. An event names the
 * registration (issuer, client id) where one is concerned, and how the administrator came
 * ({@link Channel}) — never a user name, password, token, network address, or whom an export or
 * erasure was about.
 */
@ApplicationScoped
public class AdminAudit {
  /** How an administrator reached the tool: the console, the API, or the command line (which calls the API). */
  public enum Channel {
    CONSOLE, API, CLI;

    /** As the audit detail starts: {@code console}, {@code api}, {@code cli}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Inject AuditLog log;
  @Inject AdminContext context;

  /** Records {@code action} by the administrator of this request, about a registration if {@code issuer} is given. */
  public void record(String action, String issuer, String clientId, String detail) {
    record(context.channel(), action, issuer, clientId, detail);
  }

  /** The detail of {@code REGISTRATION_DELETED}, which {@link #registrationDeleted} finds again. */
  static String deletion(long registrationId, int rows) {
    return deletionOf(registrationId) + " (" + rows + " rows)";
  }

  private static String deletionOf(long registrationId) {
    return "registration " + registrationId + " with its data";
  }

  /**
   * Whether a tool administrator deleted registration {@code id}, on any instance at any time: its
   * {@code REGISTRATION_DELETED} event outlives the registration ({@link RegistrationErasure}).
   */
  public boolean registrationDeleted(long id) {
    // ": " ends the channel ("console: registration 3 with…"), so that 3 does not match 13
    return log.recorded("REGISTRATION_DELETED", AuditLog.ActorKind.ADMINISTRATOR, ": " + deletionOf(id));
  }

  /** Records {@code action} that came through {@code channel} (sign-ins, before a request context exists). */
  public void record(Channel channel, String action, String issuer, String clientId, String detail) {
    log.record(new AuditLog.Event(action, AuditLog.ActorKind.ADMINISTRATOR, null, issuer, clientId, null, null, null,
        detail == null || detail.isBlank() ? channel.label() : channel.label() + ": " + detail));
  }
}
