package eu.somework.platform;

import eu.somework.session.Allow;
import eu.somework.access.RequestContext;
import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import eu.somework.lti.LtiException;
import eu.somework.lti.PlatformRegistration;
import eu.somework.lti.ServiceToken;
import eu.somework.lti.ServiceTokenClient;
import eu.somework.web.Messages;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * For administrators: asks the launching platform for an access token to its grade and roster
 * services, and says whether it was granted — the first thing to check when grades do not reach
 * the gradebook (in Moodle the services must be switched on for the tool).
 */
@Path("/app/admin/services")
@Allow(value = ToolRole.ADMINISTRATOR, refusal = "services.forbidden")
public class PlatformServicesResource {
  static final Set<String> SCOPES = Set.of(
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
      "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
      "https://purl.imsglobal.org/spec/lti-ags/scope/score",
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
  private static final Logger LOG = Logger.getLogger(PlatformServicesResource.class.getName());

  @Inject RequestContext context;
  @Inject PlatformDirectory platforms;
  @Inject KeyRing keys;
  @Inject Clock clock;

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public String check() {
    ToolSession session = context.session();
    PlatformRegistration registration = platforms.find(session.issuer(), session.clientId())
        .orElseThrow(() -> new NotFoundException("This platform is no longer registered."));
    Messages text = context.text();
    try {
      ServiceToken granted = new ServiceTokenClient(clock, Duration.ofSeconds(10))
          .request(registration, keys.signingKey(KeyRing.TOOL), SCOPES);
      return ServicesPage.granted(text, registration.name(), registration.issuer(),
          List.copyOf(new TreeSet<>(granted.scopes())));
    } catch (LtiException e) {
      LOG.warning(() -> "Service token refused by " + registration.issuer() + ": " + e.getMessage());
      return ServicesPage.refused(text, registration.name(), registration.issuer(), e.getMessage());
    }
  }
}
