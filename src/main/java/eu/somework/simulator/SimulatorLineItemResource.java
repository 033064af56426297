package eu.somework.simulator;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import eu.somework.config.Settings;
import eu.somework.session.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.text.ParseException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One line item of the simulator (AGS 2.0 §3.2: GET, PUT with {@code application/vnd.ims.lis.v2.lineitem+json})
 * with its score publish and result services (AGS 2.0 §3.4, §3.3), as Moodle's
 * {@code scores.php} behaves: Content-Type {@code application/vnd.ims.lis.v1.score+json} only;
 * 400 "Incorrect score received" when userId, timestamp, activityProgress or gradingProgress is
 * missing or the user is not a learner of the course; scoreMaximum 1 when absent; scoreGiven kept
 * only with FullyGraded; 409 when the timestamp is not later than the stored one (the stored
 * score stays).
 */
@Path("/simulator/ags/{context}/lineitems/{id}/lineitem")
@Public("the simulated platform's line item, score and result services: authenticated by its own access tokens, behind the simulator gate")
public class SimulatorLineItemResource {
  static final String SCORE = "application/vnd.ims.lis.v1.score+json";
  static final String RESULTS = "application/vnd.ims.lis.v2.resultcontainer+json";
  private static final String LINE_ITEM = SimulatorLineItemsResource.LINE_ITEM;
  static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
  static final String SCOPE_RESULTS = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
  private static final Set<String> ACTIVITY = Set.of("Initialized", "Started", "InProgress", "Submitted", "Completed");
  private static final Set<String> GRADING = Set.of("FullyGraded", "Pending", "PendingManual", "Failed", "NotReady");
  private static final String INCORRECT = "Incorrect score received";

  @Inject Settings settings;
  @Inject SimulatorStore store;
  @Inject SimulatorGradebook gradebook;
  @Inject SimulatorAccessTokens tokens;
  @Inject SimulatorFaults faults;

  @GET
  public Response item(@PathParam("context") String context, @PathParam("id") String id,
      @QueryParam("type_id") String typeId, @HeaderParam("Accept") String accept,
      @HeaderParam("Authorization") String authorization) {
    Optional<Response> refused = tokens.agsRefusal(context, typeId, authorization, Set.of(SimulatorLineItemsResource.SCOPE_LINE_ITEM, SimulatorLineItemsResource.SCOPE_READ));
    if (refused.isPresent()) {
      return refused.get();
    }
    if (!ServiceAnswers.accepts(accept, LINE_ITEM)) {
      return ServiceAnswers.plain(400, "Accept must be " + LINE_ITEM + ".");
    }
    return store.lineItem(id)
        .map(item -> ServiceAnswers.json(200, LINE_ITEM, lineItemJson(item)))
        .orElseGet(() -> ServiceAnswers.plain(404, "No such line item."));
  }

  @PUT
  public Response replace(@PathParam("context") String context, @PathParam("id") String id,
      @QueryParam("type_id") String typeId, @HeaderParam("Content-Type") String contentType,
      @HeaderParam("Authorization") String authorization, String body) {
    if (!ServiceAnswers.isType(contentType, LINE_ITEM)) {
      return ServiceAnswers.plain(400, "Content-Type must be " + LINE_ITEM + ".");
    }
    Optional<Response> refused = tokens.agsRefusal(context, typeId, authorization, Set.of(SimulatorLineItemsResource.SCOPE_LINE_ITEM));
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<SimulatorLineItemsResource.Wanted> wanted = SimulatorLineItemsResource.Wanted.read(body);
    if (wanted.isEmpty()) {
      return ServiceAnswers.plain(400, "A line item needs a label and a scoreMaximum above 0.");
    }
    SimulatorLineItemsResource.Wanted w = wanted.get();
    return gradebook.replace(id, w.label(), w.scoreMaximum(), w.resourceId(), w.tag(), w.resourceLinkId())
        .map(item -> ServiceAnswers.json(200, LINE_ITEM, lineItemJson(item)))
        .orElseGet(() -> ServiceAnswers.plain(404, "No such line item."));
  }

  private String lineItemJson(SimLineItem item) {
    return JSONObjectUtils.toJSONString(SimulatorLineItemsResource.json(new SimulatedPlatform(settings.baseUrl()), item));
  }

  @POST
  @Path("scores")
  public Response score(@PathParam("context") String context, @PathParam("id") String id,
      @QueryParam("type_id") String typeId, @HeaderParam("Content-Type") String contentType,
      @HeaderParam("Authorization") String authorization, String body) {
    if (!ServiceAnswers.isType(contentType, SCORE)) {
      return ServiceAnswers.plain(400, "Content-Type must be " + SCORE + ".");
    }
    Optional<Response> refused = tokens.agsRefusal(context, typeId, authorization, Set.of(SCOPE_SCORE));
    if (refused.isPresent()) {
      return refused.get();
    }
    if (faults.active(SimFault.Kind.SCORES_UNAVAILABLE)) {
      return Response.status(503).header("Retry-After", "10").type("text/plain")
          .entity("The gradebook is down for maintenance.").build();
    }
    if (faults.active(SimFault.Kind.SCORES_TIMEOUT)) {
      hang();
      return Response.status(504).type("text/plain").entity("The gradebook did not answer in time.").build();
    }
    Optional<SimLineItem> item = store.lineItem(id);
    if (item.isEmpty()) {
      return ServiceAnswers.plain(404, "No such line item.");
    }
    Optional<SimulatorGradebook.Received> score = read(body);
    if (score.isEmpty()) {
      return ServiceAnswers.plain(400, INCORRECT);
    }
    SimulatorGradebook.Received s = score.get();
    if (!store.isLearner(s.userId())) {
      // a generated learner who never launched is not enrolled
      return ServiceAnswers.plain(400, INCORRECT);
    }
    if (!gradebook.record(id, s)) {
      store.record("Score IGNORED", "not newer than the stored one: " + s.userId() + " on " + item.get().label());
      return ServiceAnswers.plain(409, "The score is not newer than the one the gradebook holds.");
    }
    store.record("Score", s.userId() + " on " + item.get().label() + ": "
        + (s.scoreGiven() == null ? "—" : SimulatorPage.format(s.scoreGiven())) + "/"
        + SimulatorPage.format(s.scoreMaximum()) + ", " + s.activityProgress() + ", " + s.gradingProgress());
    return Response.ok().build();
  }

  /** The score's fields, or empty for what Moodle answers "Incorrect score received" to. */
  static Optional<SimulatorGradebook.Received> read(String body) {
    Map<String, Object> json;
    try {
      json = JSONObjectUtils.parse(body == null ? "" : body);
    } catch (ParseException e) {
      return Optional.empty();
    }
    if (!(json.get("userId") instanceof String userId) || !(json.get("timestamp") instanceof String timestamp)
        || !(json.get("activityProgress") instanceof String activity) || !ACTIVITY.contains(activity)
        || !(json.get("gradingProgress") instanceof String grading) || !GRADING.contains(grading)) {
      return Optional.empty();
    }
    // only learners of the course are gradable (Moodle: "not enrolled as a student")
    if (DemoCourse.person(userId).filter(p -> p.kind() == DemoCourse.Kind.STUDENT).isEmpty()) {
      return Optional.empty();
    }
    OffsetDateTime at;
    try {
      at = OffsetDateTime.parse(timestamp);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    Object given = json.get("scoreGiven");
    Object max = json.get("scoreMaximum");
    if ((given != null && !(given instanceof Number)) || (max != null && !(max instanceof Number))) {
      return Optional.empty();
    }
    double maximum = max == null ? 1 : ((Number) max).doubleValue();
    String comment = json.get("comment") instanceof String c ? c : null;
    return Optional.of(new SimulatorGradebook.Received(userId, given == null ? null : ((Number) given).doubleValue(),
        maximum, comment, activity, grading, at.toInstant(), timestamp));
  }

  @GET
  @Path("results")
  public Response results(@PathParam("context") String context, @PathParam("id") String id,
      @QueryParam("type_id") String typeId, @QueryParam("user_id") String userId,
      @HeaderParam("Accept") String accept, @HeaderParam("Authorization") String authorization) {
    Optional<Response> refused = tokens.agsRefusal(context, typeId, authorization, Set.of(SCOPE_RESULTS));
    if (refused.isPresent()) {
      return refused.get();
    }
    if (!ServiceAnswers.accepts(accept, RESULTS)) {
      return ServiceAnswers.plain(400, "Accept must be " + RESULTS + ".");
    }
    if (store.lineItem(id).isEmpty()) {
      return ServiceAnswers.plain(404, "No such line item.");
    }
    String lineItemUrl = new SimulatedPlatform(settings.baseUrl()).lineItemUrl(id);
    List<Map<String, Object>> results = gradebook.scores(id).stream()
        .filter(s -> userId == null || s.userId().equals(userId))
        .map(s -> {
          Map<String, Object> json = new LinkedHashMap<>();
          json.put("id", lineItemUrl.replace("/lineitem?", "/lineitem/results?") + "&user_id="
              + SimulatorNrpsResource.encode(s.userId()));
          json.put("scoreOf", lineItemUrl);
          json.put("userId", s.userId());
          s.scoreGiven().ifPresent(v -> json.put("resultScore", v));
          json.put("resultMaximum", s.scoreMaximum());
          s.comment().ifPresent(v -> json.put("comment", v));
          return json;
        }).toList();
    return ServiceAnswers.json(200, RESULTS, JSONArrayUtils.toJSONString(results));
  }

  /** Answers later than the tool waits (its timeout is 15 s), as an overloaded LMS does. */
  private static void hang() {
    try {
      Thread.sleep(20_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
