package eu.somework.simulator;

import eu.somework.session.Public;
import com.nimbusds.jose.util.JSONObjectUtils;
import eu.somework.config.Settings;
import eu.somework.web.AutoPost;
import eu.somework.platform.SecurityHeaders;
import eu.somework.web.Templates;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's page: pick a person, a language and what to launch; the tool opens in an iframe
 * as in Moodle, and what the tool sent back is listed below it.
 */
@Path("/simulator")
@Public("the simulated platform's own pages, behind the simulator gate")
public class SimulatorPageResource {
  static final String DEEP_LINKING = "deep-linking";

  @Inject Settings settings;
  @Inject SimulatorStore store;
  @Inject SimulatorGradebook gradebook;
  @Inject SimulatorFaults faults;
  @Inject SimulatorRegistrations registrations;

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public Response page(@QueryParam("launch") String launchId) {
    SimulatedPlatform platform = new SimulatedPlatform(settings.baseUrl());
    Optional<SimLaunch> launch = launchId == null ? Optional.empty() : store.launch(launchId);
    SimulatorPage.View view = SimulatorPage.view(platform, launch, store.links(), store.lineItems(), store.received(),
        gradebook.allScores(), faults.current(), store.receivedCounts(),
        SimulatorPage.Registrations.of(platform, registrations.registered()));
    // The frame starts on this page's host and then goes to the tool at its base URL: when the
    // simulator is opened under another host name, the tool is cross-site, as in a real LMS.
    return Response.ok(Templates.render("simulator/simulator.jte", view))
        .header("Content-Security-Policy", SecurityHeaders.policyFraming("'self' " + origin(settings.baseUrl())))
        .build();
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  /**
   * Makes the platform fail for a while ({@code fault} one of {@link SimFault.Kind}, for
   * {@code minutes} from 1 to 120), or ends every fault ({@code fault=clear}).
   */
  @POST
  @Path("/faults")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response fault(@FormParam("fault") String fault, @FormParam("minutes") String minutes) {
    if ("clear".equals(fault)) {
      faults.clear();
    } else {
      SimFault.Kind kind = java.util.Arrays.stream(SimFault.Kind.values()).filter(k -> k.name().equals(fault))
          .findFirst().orElseThrow(() -> new BadRequestException("Choose a fault of the list."));
      int length;
      try {
        length = Integer.parseInt(minutes == null ? "" : minutes.strip());
      } catch (NumberFormatException e) {
        throw new BadRequestException("Give the fault's length in whole minutes, 1 to 120.");
      }
      if (length < 1 || length > 120) {
        throw new BadRequestException("Give the fault's length in whole minutes, 1 to 120.");
      }
      faults.start(kind, java.time.Duration.ofMinutes(length));
    }
    return Response.seeOther(URI.create("/simulator#faults")).build();
  }

  @POST
  @Path("/launch")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response launch(@FormParam("user") String userId, @FormParam("target") String target,
      @FormParam("locale") String locale, @FormParam("client") String clientId) {
    SimulatedPlatform platform = new SimulatedPlatform(settings.baseUrl());
    // no client chosen: the built-in registration, as before there were others
    SimClient client = clientId == null || clientId.isBlank() ? SimClient.builtIn(platform)
        : registrations.anyClient(platform, clientId)
            .orElseThrow(() -> new BadRequestException("Choose a registered tool to launch."));
    DemoCourse.Person person = DemoCourse.person(userId == null ? "" : userId)
        .orElseThrow(() -> new BadRequestException("Choose a person of the demo course."));
    String chosenLocale = locale == null || locale.isBlank() ? person.locale() : locale;
    if (chosenLocale.length() > 16) {
      throw new BadRequestException("The language must be a locale such as fi-FI.");
    }
    SimLaunch launch;
    if (DEEP_LINKING.equals(target)) {
      launch = store.startLaunch(person.id(), "LtiDeepLinkingRequest", null, chosenLocale,
          client.clientId());
    } else {
      SimResourceLink link = store.link(target == null ? "" : target)
          .orElseThrow(() -> new BadRequestException("Choose an activity of the demo course."));
      launch = store.startLaunch(person.id(), "LtiResourceLinkRequest", link.id(), chosenLocale,
          client.clientId());
    }
    // relative: the page stays on the host name the person opened the simulator under
    return Response.seeOther(URI.create("/simulator?launch=" + launch.id())).build();
  }

  /** Inside the iframe: the login initiation, auto-posted cross-site to the tool as Moodle does. */
  @GET
  @Path("/frame/{launch}")
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public String frame(@PathParam("launch") String launchId) {
    SimLaunch launch = store.launch(launchId).orElseThrow(() -> new NotFoundException("No such simulated launch."));
    SimulatedPlatform platform = new SimulatedPlatform(settings.baseUrl());
    SimClient client = registrations.anyClient(platform, launch.clientId())
        .orElseThrow(() -> new NotFoundException("The tool of this launch is no longer registered."));
    Map<String, String> login = new LinkedHashMap<>();
    login.put("iss", platform.issuer());
    login.put("target_link_uri", client.targetLinkUri());
    login.put("login_hint", launch.userId());
    Map<String, Object> hint = new LinkedHashMap<>();
    hint.put("cmid", launch.resourceLinkId().orElse("0"));
    hint.put("launchid", launch.id());
    login.put("lti_message_hint", JSONObjectUtils.toJSONString(hint));
    login.put("client_id", client.clientId());
    login.put("lti_deployment_id", client.deploymentId());
    return AutoPost.page(client.loginUri().toString(), login, "Open SoMe@Work");
  }
}
