package eu.somework.platform;

import eu.somework.launch.SessionResolver;
import eu.somework.launch.ToolRole;
import eu.somework.launch.ToolSession;
import eu.somework.lti.LtiException;
import eu.somework.lti.PlatformRegistration;
import eu.somework.lti.ServiceToken;
import eu.somework.lti.ServiceTokenClient;
import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * For administrators: asks the launching platform for an access token to its grade and roster
 * services, and says whether it was granted — the first thing to check when grades do not reach
 * the gradebook (in Moodle the services must be switched on for the tool).
 */
@Path("/app/admin/services")
public class PlatformServicesResource {
  static final Set<String> SCOPES = Set.of(
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
      "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
      "https://purl.imsglobal.org/spec/lti-ags/scope/score",
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
  private static final Logger LOG = Logger.getLogger(PlatformServicesResource.class.getName());

  @Inject SessionResolver sessions;
  @Inject PlatformDirectory platforms;
  @Inject KeyRing keys;

  private final ServiceTokenClient tokens = new ServiceTokenClient(Clock.systemUTC(), Duration.ofSeconds(10));

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public String check(@QueryParam("s") String token, @Context HttpHeaders headers) {
    ToolSession session = sessions.require(token, headers);
    if (session.role() != ToolRole.ADMINISTRATOR) {
      throw new ForbiddenException("Only administrators can check the platform's services.");
    }
    PlatformRegistration registration = platforms.find(session.issuer(), session.clientId())
        .orElseThrow(() -> new NotFoundException("This platform is no longer registered."));
    Messages text = Messages.of(UiLanguage.negotiate(Optional.empty(), session.locale(),
        headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
    try {
      ServiceToken granted = tokens.request(registration, keys.signingKey(KeyRing.TOOL), SCOPES);
      return ServicesPage.granted(text, registration.name(), registration.issuer(),
          List.copyOf(new TreeSet<>(granted.scopes())));
    } catch (LtiException e) {
      LOG.warning(() -> "Service token refused by " + registration.issuer() + ": " + e.getMessage());
      return ServicesPage.refused(text, registration.name(), registration.issuer(), e.getMessage());
    }
  }
}
