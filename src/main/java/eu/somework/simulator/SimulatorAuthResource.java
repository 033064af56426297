package eu.somework.simulator;

import eu.somework.session.Public;
import com.nimbusds.jose.util.JSONObjectUtils;
import eu.somework.config.Settings;
import eu.somework.platform.KeyRing;
import eu.somework.web.AutoPost;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's OIDC authorization endpoint. It checks the request as Moodle's auth.php does,
 * then posts the signed id_token (or an OIDC error) to the tool's redirect URI.
 */
@Path("/simulator/auth")
@Public("the simulated platform's authorization endpoint")
public class SimulatorAuthResource {
  @Inject Settings settings;
  @Inject SimulatorStore store;
  @Inject KeyRing keys;
  @Inject Clock clock;
  @Inject SimulatorRegistrations registrations;

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public String authorize(@Context UriInfo uri) {
    MultivaluedMap<String, String> q = uri.getQueryParameters();
    SimulatedPlatform platform = new SimulatedPlatform(settings.baseUrl());
    // Until client and redirect URI are known to be right, errors are shown here, never sent on.
    SimClient client = registrations.anyClient(platform, q.getFirst("client_id"))
        .orElseThrow(() -> new BadRequestException("The simulator does not know the client_id of this request."));
    String redirectUri = q.getFirst("redirect_uri");
    if (!client.redirectUris().contains(redirectUri)) {
      throw new BadRequestException("The redirect_uri is not the one registered for the tool.");
    }
    String state = Optional.ofNullable(q.getFirst("state")).orElse("");
    Optional<String> error = requestError(q);
    if (error.isPresent()) {
      return reply(redirectUri, Map.of("error", "invalid_request", "error_description", error.get(), "state", state));
    }
    SimLaunch launch = launchOf(q.getFirst("lti_message_hint"))
        .filter(l -> !l.isOlderThan(clock.instant().minus(Duration.ofMinutes(30))))
        .orElse(null);
    if (launch == null || !launch.clientId().equals(client.clientId())) {
      return reply(redirectUri, Map.of("error", "invalid_request",
          "error_description", "lti_message_hint does not name a current launch of this client", "state", state));
    }
    if (!launch.userId().equals(q.getFirst("login_hint"))) {
      return reply(redirectUri, Map.of("error", "login_required",
          "error_description", "login_hint is not the signed-in user", "state", state));
    }
    DemoCourse.Person person = DemoCourse.person(launch.userId()).orElseThrow();
    IdTokenFactory tokens = new IdTokenFactory(platform, client, clock);
    String nonce = q.getFirst("nonce");
    String idToken = launch.isDeepLinking()
        ? tokens.deepLinkingRequest(keys.signingKey(SimulatedPlatform.KEY_OWNER), person, nonce, launch.locale(),
            "sim-dl-" + launch.id())
        : launch.isSubmissionReview() ? idTokenForReview(tokens, launch, person, nonce)
        : idTokenForLink(tokens, launch, person, nonce);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("id_token", idToken);
    form.put("state", state);
    return reply(redirectUri, form);
  }

  private String idTokenForLink(IdTokenFactory tokens, SimLaunch launch, DemoCourse.Person person, String nonce) {
    SimResourceLink link = launch.resourceLinkId().flatMap(store::link)
        .orElseThrow(() -> new BadRequestException("The activity of this launch no longer exists."));
    return tokens.resourceLinkLaunch(keys.signingKey(SimulatedPlatform.KEY_OWNER), person, link, nonce,
        launch.locale(), link.lineItemId().flatMap(store::lineItem));
  }

  private String idTokenForReview(IdTokenFactory tokens, SimLaunch launch, DemoCourse.Person person, String nonce) {
    SimResourceLink link = launch.resourceLinkId().flatMap(store::link)
        .orElseThrow(() -> new BadRequestException("The activity of this launch no longer exists."));
    SimLineItem lineItem = SimulatorReviewResource.lineItemOf(store, link)
        .orElseThrow(() -> new BadRequestException("The activity of this review has no gradebook column."));
    return tokens.submissionReviewRequest(keys.signingKey(SimulatedPlatform.KEY_OWNER), person, link, lineItem,
        launch.forUserId().orElseThrow(), nonce, launch.locale());
  }

  private static Optional<String> requestError(MultivaluedMap<String, String> q) {
    if (!"openid".equals(q.getFirst("scope"))) {
      return Optional.of("scope must be openid");
    }
    if (!"id_token".equals(q.getFirst("response_type"))) {
      return Optional.of("response_type must be id_token");
    }
    if (!"form_post".equals(q.getFirst("response_mode"))) {
      return Optional.of("response_mode must be form_post");
    }
    String prompt = q.getFirst("prompt");
    if (prompt != null && !prompt.isEmpty() && !"none".equals(prompt)) {
      return Optional.of("prompt must be none");
    }
    if (q.getFirst("nonce") == null || q.getFirst("nonce").isBlank()) {
      return Optional.of("nonce is required");
    }
    if (q.getFirst("login_hint") == null) {
      return Optional.of("login_hint is required");
    }
    return Optional.empty();
  }

  private Optional<SimLaunch> launchOf(String messageHint) {
    if (messageHint == null) {
      return Optional.empty();
    }
    try {
      Object id = JSONObjectUtils.parse(messageHint).get("launchid");
      return id instanceof String s ? store.launch(s) : Optional.empty();
    } catch (ParseException e) {
      return Optional.empty();
    }
  }

  private static String reply(String redirectUri, Map<String, String> form) {
    return AutoPost.page(redirectUri, form, "Continue to SoMe@Work");
  }
}
