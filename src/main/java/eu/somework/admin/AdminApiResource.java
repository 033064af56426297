package eu.somework.admin;

import eu.somework.audit.AuditLog;
import eu.somework.launch.DeploymentActivity;
import eu.somework.launch.LaunchActivity;
import eu.somework.platform.KeyRing;
import eu.somework.platform.RegistrationSummary;
import eu.somework.session.AdminOnly;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrators' JSON API ({@code /admin/api}, Bearer admin token; the contract is the lead's
 * ADMIN-API.md): registrations, the tool's keys, the score outbox, one person's data (export, erasure),
 * the latest audit events. The same services as the console.
 */
@Path("/admin/api")
@AdminOnly(api = true)
// no @Produces: every answer sets application/json itself, so a browser's Accept: text/html gets the
// API's 401 rather than a 406 from content negotiation
public class AdminApiResource {
  @Inject RegistrationAdmin registrations;
  @Inject ToolKeysAdmin keys;
  @Inject PeopleAdmin people;
  @Inject OutboxHealth outbox;
  @Inject AuditLog auditLog;

  @GET
  @Path("registrations")
  public Response list() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("registrations", registrations.list().stream().map(this::json).toList());
    return ApiJson.answer(200, body);
  }

  @POST
  @Path("registrations")
  public Response register(String json) {
    RegistrationAdmin.Saved saved = registrations.register(json);
    return ApiJson.answer(saved.created() ? 201 : 200, json(saved.registration()));
  }

  @POST
  @Path("registrations/{id}/disable")
  public Response disable(@PathParam("id") String id) {
    return ApiJson.answer(200, json(registrations.switchTo(idOf(id), false)));
  }

  @POST
  @Path("registrations/{id}/enable")
  public Response enable(@PathParam("id") String id) {
    return ApiJson.answer(200, json(registrations.switchTo(idOf(id), true)));
  }

  @DELETE
  @Path("registrations/{id}")
  public Response delete(@PathParam("id") String id, @QueryParam("confirm") String confirm) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deleted", registrations.delete(idOf(id), confirm));
    return ApiJson.answer(200, body);
  }

  /** Everything the tool holds about one person, as a JSON file (GDPR Art. 15, 20). */
  @GET
  @Path("people/export")
  public Response exportPerson(@QueryParam("issuer") String issuer, @QueryParam("clientId") String clientId,
      @QueryParam("userId") String userId) {
    return Response.ok(people.export(issuer, clientId, userId).json(), "application/json;charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"personal-data.json\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  /** Erases one person (GDPR Art. 17); the answer is the erasure's report, what stays and why included. */
  @DELETE
  @Path("people")
  public Response erasePerson(@QueryParam("issuer") String issuer, @QueryParam("clientId") String clientId,
      @QueryParam("userId") String userId, @QueryParam("undeliveredScores") String undeliveredScores) {
    return ApiJson.answer(200, people.erase(issuer, clientId, userId, undeliveredScores).toJson());
  }

  @GET
  @Path("keys")
  public Response keys() {
    List<Map<String, Object>> list = keys.keys().stream().map(AdminApiResource::json).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("keys", list);
    return ApiJson.answer(200, body);
  }

  @POST
  @Path("keys/rotation")
  public Response rotate() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("activateAt", ApiJson.time(keys.rotate()));
    return ApiJson.answer(202, body);
  }

  /** The latest events of the audit log, newest first ({@code limit}: 1 to 500, default 50). */
  @GET
  @Path("audit")
  public Response audit(@QueryParam("limit") String limit) {
    int count;
    try {
      count = limit == null || limit.isBlank() ? 50 : Integer.parseInt(limit.trim());
    } catch (NumberFormatException e) {
      count = -1;
    }
    if (count < 1 || count > AuditLog.MAX_LATEST) {
      throw new AdminRefused(400, "limit is a whole number from 1 to " + AuditLog.MAX_LATEST + ".");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("events", auditLog.latest(count).stream().map(AdminApiResource::json).toList());
    return ApiJson.answer(200, body);
  }

  @GET
  @Path("outbox")
  public Response outbox() {
    OutboxHealth.Health health = outbox.now();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("waiting", health.waiting());
    body.put("failed", health.failed());
    body.put("oldestWaitingSince", ApiJson.time(health.oldestWaitingSince()));
    return ApiJson.answer(200, body);
  }

  /** A registration as ADMIN-API.md shows it, each deployment with its launch activity. */
  private Map<String, Object> json(RegistrationSummary r) {
    Map<String, DeploymentActivity> activity = registrations.activity(r);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", r.id());
    json.put("name", r.name());
    json.put("issuer", r.issuer());
    json.put("clientId", r.clientId());
    json.put("origin", r.origin().name());
    json.put("enabled", r.enabled());
    json.put("updatedAt", ApiJson.time(r.updatedAt()));
    json.put("deployments", r.deploymentIds().stream().map(d -> {
      Map<String, Object> deployment = new LinkedHashMap<>();
      deployment.put("deploymentId", d);
      deployment.putAll(json(activity.getOrDefault(d, DeploymentActivity.NONE)));
      return deployment;
    }).toList());
    // logins and launches refused before the platform named one of its deployments
    json.put("refusedBeforeDeployment",
        activity.getOrDefault(LaunchActivity.NO_DEPLOYMENT, DeploymentActivity.NONE).failures());
    return json;
  }

  private static Map<String, Object> json(DeploymentActivity activity) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("launches", activity.launches());
    json.put("lastLaunch", ApiJson.time(activity.lastLaunch()));
    json.put("lastFailedLaunch", ApiJson.time(activity.lastFailedLaunch()));
    json.put("lastFailureReason", activity.lastFailureReason().orElse(null));
    json.put("failures", activity.failures());
    return json;
  }

  private static Map<String, Object> json(AuditLog.Entry event) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("occurredAt", ApiJson.time(event.occurredAt()));
    json.put("action", event.action());
    json.put("actorKind", event.actorKind());
    json.put("actorUserId", event.actorUserId());
    json.put("issuer", event.issuer());
    json.put("clientId", event.clientId());
    json.put("deploymentId", event.deploymentId());
    json.put("contextId", event.contextId());
    json.put("subjectUserId", event.subjectUserId());
    json.put("detail", event.detail());
    return json;
  }

  private static Map<String, Object> json(KeyRing.KeyState key) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kid", key.kid());
    json.put("status", key.status().name());
    json.put("createdAt", ApiJson.time(key.createdAt()));
    json.put("activateAt", ApiJson.time(key.activateAt()));
    json.put("withdrawAt", ApiJson.time(key.withdrawAt()));
    return json;
  }

  /** A registration id from the path; anything but a whole number names no registration (404). */
  static long idOf(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new AdminRefused(404, "There is no registration " + id + ".");
    }
  }
}
