package eu.somework.simulator;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import eu.somework.config.Settings;
import eu.somework.session.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulator's line items container (AGS 2.0 §3.2), as Moodle's gradebook services behave: line
 * item URLs carry the tool type in a query ({@code …/lineitems/<id>/lineitem?type_id=1}), media
 * types are checked strictly (a plain {@code application/json} gets 400), every call needs an
 * access token from {@link SimulatorTokenResource} with the right scope (401 otherwise), and the
 * container pages only when {@code limit} is sent. One line item, its scores and results:
 * {@link SimulatorLineItemResource} (one class per path prefix: JAX-RS picks the class first).
 */
@Path("/simulator/ags/{context}/lineitems")
@Public("the simulated platform's line item service: authenticated by its own access tokens, behind the simulator gate")
public class SimulatorLineItemsResource {
  static final String LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";
  static final String CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";
  static final String SCOPE_LINE_ITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
  static final String SCOPE_READ = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";

  @Inject Settings settings;
  @Inject SimulatorStore store;
  @Inject SimulatorGradebook gradebook;
  @Inject SimulatorAccessTokens tokens;

  @GET
  public Response container(@PathParam("context") String context, @QueryParam("type_id") String typeId,
      @QueryParam("resource_link_id") String resourceLinkId, @QueryParam("resource_id") String resourceId,
      @QueryParam("tag") String tag, @QueryParam("limit") Integer limit, @QueryParam("from") Integer from,
      @HeaderParam("Accept") String accept, @HeaderParam("Authorization") String authorization) {
    Optional<Response> refused = tokens.agsRefusal(context, typeId, authorization, Set.of(SCOPE_LINE_ITEM, SCOPE_READ));
    if (refused.isPresent()) {
      return refused.get();
    }
    if (!ServiceAnswers.accepts(accept, CONTAINER)) {
      return ServiceAnswers.plain(400, "Accept must be " + CONTAINER + ".");
    }
    List<SimLineItem> items = store.lineItems().stream()
        .filter(i -> resourceLinkId == null || i.resourceLinkId().equals(Optional.of(resourceLinkId)))
        .filter(i -> resourceId == null || i.resourceId().equals(Optional.of(resourceId)))
        .filter(i -> tag == null || i.tag().equals(Optional.of(tag)))
        .toList();
    SimulatedPlatform platform = platform();
    int start = from == null ? 0 : Math.max(0, from);
    int end = limit == null || limit <= 0 ? items.size() : Math.min(items.size(), start + limit);
    List<Map<String, Object>> page = items.subList(Math.min(start, items.size()), end).stream()
        .map(i -> json(platform, i)).toList();
    Response.ResponseBuilder answer = Response.ok(JSONArrayUtils.toJSONString(page)).type(CONTAINER);
    if (end < items.size()) {
      String next = platform.lineItemsUrl() + "&limit=" + limit + "&from=" + end
          + (resourceLinkId == null ? "" : "&resource_link_id=" + SimulatorNrpsResource.encode(resourceLinkId))
          + (resourceId == null ? "" : "&resource_id=" + SimulatorNrpsResource.encode(resourceId))
          + (tag == null ? "" : "&tag=" + SimulatorNrpsResource.encode(tag));
      answer.header("Link", "<" + next + ">; rel=\"next\"");
    }
    return answer.build();
  }

  @POST
  public Response create(@PathParam("context") String context, @QueryParam("type_id") String typeId,
      @HeaderParam("Content-Type") String contentType, @HeaderParam("Authorization") String authorization, String body) {
    if (!ServiceAnswers.isType(contentType, LINE_ITEM)) {
      return ServiceAnswers.plain(400, "Content-Type must be " + LINE_ITEM + ".");
    }
    Optional<Response> refused = tokens.agsRefusal(context, typeId, authorization, Set.of(SCOPE_LINE_ITEM));
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<Wanted> wanted = Wanted.read(body);
    if (wanted.isEmpty()) {
      return ServiceAnswers.plain(400, "A line item needs a label and a scoreMaximum above 0.");
    }
    Wanted w = wanted.get();
    SimLineItem item = gradebook.create(w.label(), w.scoreMaximum(), w.resourceId(), w.tag(), w.resourceLinkId());
    store.record("Line item created", item.label() + " (max " + SimulatorPage.format(item.scoreMaximum()) + ")");
    return ServiceAnswers.json(201, LINE_ITEM, JSONObjectUtils.toJSONString(json(platform(), item)));
  }

  private SimulatedPlatform platform() {
    return new SimulatedPlatform(settings.baseUrl());
  }

  static Map<String, Object> json(SimulatedPlatform platform, SimLineItem item) {
    Map<String, Object> json = new java.util.LinkedHashMap<>();
    json.put("id", platform.lineItemUrl(item.id()));
    json.put("label", item.label());
    json.put("scoreMaximum", item.scoreMaximum());
    item.resourceId().ifPresent(v -> json.put("resourceId", v));
    item.tag().ifPresent(v -> json.put("tag", v));
    item.resourceLinkId().ifPresent(v -> {
      json.put("resourceLinkId", v);
      json.put("ltiLinkId", v); // Moodle sends both
    });
    return json;
  }

  /** A line item as the tool sent it. */
  record Wanted(String label, double scoreMaximum, String resourceId, String tag, String resourceLinkId) {
    static Optional<Wanted> read(String body) {
      try {
        Map<String, Object> json = JSONObjectUtils.parse(body == null ? "" : body);
        if (!(json.get("label") instanceof String label) || label.isBlank()
            || !(json.get("scoreMaximum") instanceof Number max) || !(max.doubleValue() > 0)) {
          return Optional.empty();
        }
        return Optional.of(new Wanted(label, max.doubleValue(), text(json, "resourceId"), text(json, "tag"),
            text(json, "resourceLinkId")));
      } catch (ParseException e) {
        return Optional.empty();
      }
    }

    private static String text(Map<String, Object> json, String field) {
      return json.get(field) instanceof String s && !s.isBlank() ? s : null;
    }
  }
}
