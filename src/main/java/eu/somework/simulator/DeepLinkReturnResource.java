package eu.somework.simulator;

import eu.somework.session.Public;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import eu.somework.config.Settings;
import eu.somework.lti.LtiClaim;
import eu.somework.web.Templates;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's deep_link_return_url: verifies the tool's LtiDeepLinkingResponse with the tool's
 * published keys (Deep Linking 2.0 §4.5) and adds the chosen items to the demo course.
 */
@Path("/simulator/deep-link-return")
@Public("the simulated platform's own endpoint, behind the simulator gate")
public class DeepLinkReturnResource {
  @Inject Settings settings;
  @Inject SimulatorStore store;
  @Inject Clock clock;
  @Inject ReceivedDeepLinks received;
  @Inject SimulatorRegistrations registrations;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public Response receive(@FormParam("JWT") String jwt) {
    SimulatedPlatform platform = new SimulatedPlatform(settings.baseUrl());
    if (jwt == null || jwt.isBlank()) {
      return page(400, "The deep-linking response has no JWT parameter.", List.of());
    }
    JWTClaimsSet claims;
    try {
      // the built-in client, or a tool registered dynamically, verified with its own key set
      SimClient client = ToolSignatureCheck.unverifiedIssuer(jwt)
          .flatMap(id -> registrations.anyClient(platform, id)).orElse(SimClient.builtIn(platform));
      claims = ToolSignatureCheck.verify(jwt, client.jwksUri(), clock.instant());
      check(claims, platform, client);
      if (!received.firstTime((String) claims.getClaim("nonce"))) {
        throw new ToolSignatureCheck.Rejected("this response (its nonce) was received before; its items were added then");
      }
    } catch (ToolSignatureCheck.Rejected e) {
      store.record("Deep linking response REJECTED", e.getMessage());
      return page(400, "The deep-linking response was rejected: " + e.getMessage(), List.of());
    }
    Optional<String> error = text(claims, LtiClaim.DL_ERROR_MSG);
    if (error.isPresent()) {
      store.record("Deep linking error", error.get() + text(claims, LtiClaim.DL_ERROR_LOG).map(l -> " — " + l).orElse(""));
      return page(200, "The tool reported: " + error.get(), List.of());
    }
    List<String> added = new ArrayList<>();
    try {
      List<Object> items = claims.getListClaim(LtiClaim.DL_CONTENT_ITEMS);
      for (Object item : items == null ? List.of() : items) {
        if (item instanceof Map<?, ?> map && "ltiResourceLink".equals(map.get("type"))) {
          added.add(addLink(map));
        }
      }
    } catch (ParseException | RuntimeException e) {
      store.record("Deep linking response REJECTED", "content_items is not a list of items");
      return page(400, "The deep-linking response's content_items could not be read.", List.of());
    }
    store.record("Deep linking response", added.size() + " item(s): " + String.join(", ", added)
        + text(claims, LtiClaim.DL_MSG).map(m -> " — " + m).orElse(""));
    return page(200, added.size() + " activity(ies) added to the course.", added);
  }

  private static void check(JWTClaimsSet claims, SimulatedPlatform platform, SimClient client)
      throws ToolSignatureCheck.Rejected {
    if (!client.clientId().equals(claims.getIssuer())) {
      throw new ToolSignatureCheck.Rejected("iss must be the client id");
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(platform.issuer())) {
      throw new ToolSignatureCheck.Rejected("aud must be the platform issuer");
    }
    if (!"LtiDeepLinkingResponse".equals(claims.getClaim(LtiClaim.MESSAGE_TYPE))) {
      throw new ToolSignatureCheck.Rejected("message_type must be LtiDeepLinkingResponse");
    }
    if (!LtiClaim.LTI_VERSION.equals(claims.getClaim(LtiClaim.VERSION))) {
      throw new ToolSignatureCheck.Rejected("version must be 1.3.0");
    }
    if (!client.deploymentId().equals(claims.getClaim(LtiClaim.DEPLOYMENT_ID))) {
      throw new ToolSignatureCheck.Rejected("deployment_id must be the one of the request");
    }
    if (!(claims.getClaim("nonce") instanceof String)) {
      throw new ToolSignatureCheck.Rejected("nonce is required");
    }
    Object data = claims.getClaim(LtiClaim.DL_DATA);
    if (!(data instanceof String d) || !d.startsWith("sim-dl-")) {
      throw new ToolSignatureCheck.Rejected("data must echo the request's data");
    }
  }

  private String addLink(Map<?, ?> item) {
    String title = item.get("title") instanceof String t && !t.isBlank() ? t : "Untitled activity";
    String description = item.get("text") instanceof String t ? t : null;
    String custom = item.get("custom") instanceof Map<?, ?> c ? JSONObjectUtils.toJSONString(toStringMap(c)) : null;
    Optional<SimulatorStore.LineItemRequest> lineItem = Optional.empty();
    if (item.get("lineItem") instanceof Map<?, ?> li && li.get("scoreMaximum") instanceof Number max) {
      lineItem = Optional.of(new SimulatorStore.LineItemRequest(
          li.get("label") instanceof String l ? l : title, max.doubleValue(),
          li.get("resourceId") instanceof String r ? r : null, li.get("tag") instanceof String g ? g : null));
    }
    store.addLink(title, description, custom, lineItem);
    return title + lineItem.map(l -> " [graded, max " + SimulatorPage.format(l.scoreMaximum()) + "]").orElse("");
  }

  private static Map<String, Object> toStringMap(Map<?, ?> map) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    return out;
  }

  private static Optional<String> text(JWTClaimsSet claims, String name) {
    return claims.getClaim(name) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  /** What {@code simulator/deepLinkReturn.jte} shows: the outcome, and the titles of the activities added. */
  record View(String message, List<String> added) {}

  private static Response page(int status, String message, List<String> added) {
    return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(Templates.render("simulator/deepLinkReturn.jte", new View(message, added))).build();
  }
}
