package eu.somework.simulator;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.somework.config.Settings;
import eu.somework.session.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulator's Names and Role Provisioning service (NRPS 2.0): the demo course's people as a
 * membership container (the fixed people, then the generated learners who joined by launching), with Accept {@value #MEDIA_TYPE} only and an access token with the
 * membership scope. Pages only when {@code limit} is sent (as Moodle), linking the next page with
 * {@code Link: <…>; rel="next"}. Names and email are sent, as Moodle does when its privacy settings
 * allow.
 */
@Path("/simulator/nrps/{context}")
@Public("the simulated platform's roster service: authenticated by its own access tokens, behind the simulator gate")
public class SimulatorNrpsResource {
  static final String MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
  static final String SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

  @Inject Settings settings;
  @Inject SimulatorAccessTokens tokens;
  @Inject SimulatorStore store;

  @GET
  public Response memberships(@PathParam("context") String context, @QueryParam("limit") Integer limit,
      @QueryParam("from") Integer from, @HeaderParam("Accept") String accept,
      @HeaderParam("Authorization") String authorization) {
    if (!DemoCourse.CONTEXT_ID.equals(context)) {
      return ServiceAnswers.plain(404, "No such course.");
    }
    Optional<Response> refused = tokens.refusal(authorization, Set.of(SCOPE));
    if (refused.isPresent()) {
      return refused.get();
    }
    if (!ServiceAnswers.accepts(accept, MEDIA_TYPE)) {
      return ServiceAnswers.plain(400, "Accept must be " + MEDIA_TYPE + ".");
    }
    List<DemoCourse.Person> people = new java.util.ArrayList<>(DemoCourse.PEOPLE);
    people.addAll(store.enrolledLearners());
    int start = from == null ? 0 : Math.min(Math.max(0, from), people.size());
    int end = limit == null || limit <= 0 ? people.size() : Math.min(people.size(), start + limit);
    SimulatedPlatform platform = new SimulatedPlatform(settings.baseUrl());
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("id", platform.membershipsUrl());
    container.put("context", IdTokenFactory.map("id", DemoCourse.CONTEXT_ID, "label", DemoCourse.CONTEXT_LABEL,
        "title", DemoCourse.CONTEXT_TITLE));
    container.put("members", people.subList(start, end).stream().map(SimulatorNrpsResource::member).toList());
    Response.ResponseBuilder answer = Response.ok(JSONObjectUtils.toJSONString(container)).type(MEDIA_TYPE);
    if (end < people.size()) {
      answer.header("Link", "<" + platform.membershipsUrl() + "?limit=" + limit + "&from=" + end + ">; rel=\"next\"");
    }
    return answer.build();
  }

  private static Map<String, Object> member(DemoCourse.Person person) {
    return IdTokenFactory.map("status", "Active", "name", person.name(), "given_name", person.givenName(),
        "family_name", person.familyName(), "user_id", person.id(), "roles", person.ltiRoles());
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
