package eu.somework.admin;

import eu.somework.audit.AuditLog;
import eu.somework.config.Settings;
import eu.somework.launch.DeploymentActivity;
import eu.somework.platform.RegistrationSummary;
import eu.somework.session.AdminOnly;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import eu.somework.platform.Registration;
import java.nio.file.Files;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The administrators' console: one overview page (registrations and deployments, score outbox,
 * the tool's keys) and its actions, each a form with the session's CSRF token that answers with a
 * redirect back to the overview and a notice of what was done; deleting a registration asks for
 * its client id first. Signing out ends the console session on the server, not only in this browser.
 */
@Path("/admin")
@AdminOnly
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class AdminConsoleResource {
  private static final Pattern SWITCHED = Pattern.compile("(on|off)-(\\d{1,18})");
  private static final Pattern DELETED = Pattern.compile("deleted-(\\d{1,18})-(\\d{1,9})");

  @Inject AdminContext context;
  @Inject RegistrationAdmin registrations;
  @Inject ToolKeysAdmin keys;
  @Inject OutboxHealth outbox;
  @Inject AdminAccess access;
  @Inject SignedOutSessions signedOut;
  @Inject AdminAudit audit;
  @Inject AuditLog auditLog;
  @Inject Settings settings;

  @GET
  public String overview(@QueryParam("done") String done) {
    List<RegistrationSummary> listed = registrations.list();
    Map<Long, Map<String, DeploymentActivity>> activity = new HashMap<>();
    listed.forEach(r -> activity.put(r.id(), registrations.activity(r)));
    return ConsolePages.overview(new ConsolePages.Overview(context.text(), context.csrfToken(),
        context.session().orElseThrow().user(), listed, activity, registrations.unknownPlatforms(), outbox.now(),
        keys.keys(), settings.keyOverlap().toMinutes(), notice(done), auditLog.latest(ConsolePages.AUDIT_SHOWN)));
  }

  @POST
  @Path("registrations/{id}/enable")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response enable(@PathParam("id") String id) {
    registrations.switchTo(AdminApiResource.idOf(id), true);
    return back("on-" + id);
  }

  @POST
  @Path("registrations/{id}/disable")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response disable(@PathParam("id") String id) {
    registrations.switchTo(AdminApiResource.idOf(id), false);
    return back("off-" + id);
  }

  @GET
  @Path("registrations/{id}/delete")
  public String confirmDelete(@PathParam("id") String id) {
    RegistrationSummary registration = registrationToDelete(id);
    // a registration whose file is still in the folder would come back at the next start: say so at once
    Optional<String> blockingFile = registration.origin() == Registration.Origin.FILE
        ? registration.sourceFile().filter(file -> Files.exists(settings.ltiConfigDir().resolve(file)))
        : Optional.empty();
    return ConsolePages.delete(new ConsolePages.Delete(context.text(), context.csrfToken(), registration,
        Optional.empty(), blockingFile));
  }

  /**
   * The registration, or 404 "already deleted" when an administrator deleted it (a second submit, the
   * back button; after a restart or on another instance too: the audit log says so).
   */
  private RegistrationSummary registrationToDelete(String id) {
    long number = AdminApiResource.idOf(id);
    try {
      return registrations.get(number);
    } catch (AdminRefused refused) {
      if (refused.status() == 404 && audit.registrationDeleted(number)) {
        throw new AdminRefused(404, context.text().get("admin.alreadyDeleted", Long.toString(number)));
      }
      throw refused;
    }
  }

  /** Deleted: back to the overview (303), which says what went; refused: the confirmation again, saying why. */
  @POST
  @Path("registrations/{id}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response delete(@PathParam("id") String id, @FormParam("confirm") String confirm) {
    RegistrationSummary registration = registrationToDelete(id);
    try {
      Map<String, Integer> deleted = registrations.delete(registration.id(), confirm);
      return back("deleted-" + registration.id() + "-" + deleted.values().stream().mapToInt(Integer::intValue).sum());
    } catch (AdminRefused refused) {
      return html(refused.status(), ConsolePages.delete(new ConsolePages.Delete(context.text(), context.csrfToken(),
          registration, Optional.of(refused.getMessage()), Optional.empty())));
    }
  }

  @POST
  @Path("keys/rotation")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response rotate() {
    keys.rotate();
    return back("rotated");
  }

  @POST
  @Path("sign-out")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signOut() {
    signedOut.end(context.session().orElseThrow());
    audit.record("ADMIN_SIGNED_OUT", null, null, null);
    return Response.seeOther(URI.create(settings.baseUrl() + "/admin/sign-in"))
        .header("Set-Cookie", AdminCookie.removal(access.secureCookies())).build();
  }

  private Optional<String> notice(String done) {
    if ("rotated".equals(done)) {
      return keys.keys().stream().filter(k -> k.activateAt().isPresent()
              && k.status() == eu.somework.platform.SigningKey.Status.NEXT).findFirst()
          .map(k -> context.text().get("admin.keys.rotated", ConsolePages.time(k.activateAt().get())));
    }
    Matcher deleted = done == null ? null : DELETED.matcher(done);
    if (deleted != null && deleted.matches()) {
      return Optional.of(context.text().get("admin.deleted.notice", deleted.group(1), deleted.group(2)));
    }
    Matcher switched = done == null ? null : SWITCHED.matcher(done);
    if (switched != null && switched.matches()) {
      return Optional.of(context.text().get("admin.switched." + switched.group(1), switched.group(2)));
    }
    return Optional.empty();
  }

  private Response back(String done) {
    return Response.seeOther(URI.create(settings.baseUrl() + "/admin?done=" + done)).build();
  }

  private static Response html(int status, String body) {
    return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).build();
  }
}
