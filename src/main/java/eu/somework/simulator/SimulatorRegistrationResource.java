package eu.somework.simulator;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.somework.config.Settings;
import eu.somework.session.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /simulator/registration}: the simulated platform's registration endpoint (Dynamic
 * Registration 1.0 §3.5–3.6). The tool sends its client registration as JSON with the one-time
 * registration token as Bearer; the simulator answers 200 with the request echoed, the new
 * {@code client_id}, and the deployment in the tool-configuration claim. A missing, unknown,
 * expired or used token is a 401 {@code invalid_token}; a request that lacks what LTI needs a 400
 * (RFC 7591 §3.2.2); both with an {@code error_description} that the tool can show.
 */
@Path("/simulator/registration")
@Public("the simulated platform's registration endpoint: authenticates with a one-time registration token")
public class SimulatorRegistrationResource {
  @Inject Settings settings;
  @Inject SimulatorRegistrations registrations;
  @Inject SimulatorStore store;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
    String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        ? authorization.substring(7).strip() : null;
    try {
      SimulatorRegistrations.Registered registered =
          registrations.register(bearer == null || bearer.isEmpty() ? null : bearer, body);
      SimClient client = registered.client();
      store.record("Tool registered", client.name() + " as client " + client.clientId() + ", deployment "
          + client.deploymentId());
      return json(200, answer(registered.request(), client));
    } catch (SimulatorRegistrations.Refused e) {
      store.record("Registration REFUSED", e.error() + ": " + e.getMessage());
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("error", e.error());
      error.put("error_description", e.getMessage());
      Response.ResponseBuilder answer = Response.fromResponse(json(e.status(), error));
      if (e.status() == 401) {
        answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
      }
      return answer.build();
    }
  }

  /** The registration echoed (§3.6) with the client id, and the deployment in the tool claim. */
  static Map<String, Object> answer(ToolRegistrationRequest request, SimClient client) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("client_id", client.clientId());
    request.json().forEach((field, value) -> {
      if (!field.equals("client_id")) {
        answer.put(field, value);
      }
    });
    answer.put("scope", String.join(" ", new java.util.TreeSet<>(client.scopes())));
    @SuppressWarnings("unchecked")
    Map<String, Object> tool = new LinkedHashMap<>((Map<String, Object>) request.json()
        .get(ToolRegistrationRequest.TOOL_CLAIM));
    tool.put("deployment_id", client.deploymentId());
    answer.put(ToolRegistrationRequest.TOOL_CLAIM, tool);
    return answer;
  }

  private static Response json(int status, Map<String, Object> body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(JSONObjectUtils.toJSONString(body)).header("Cache-Control", "no-store").build();
  }
}
