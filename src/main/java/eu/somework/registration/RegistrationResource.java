package eu.somework.registration;

import eu.somework.config.Settings;
import eu.somework.lti.DynamicRegistrationClient;
import eu.somework.lti.LtiException;
import eu.somework.lti.LtiFailure;
import eu.somework.lti.PlatformConfiguration;
import eu.somework.lti.PlatformEndpoints;
import eu.somework.platform.ContentSecurityPolicy;
import eu.somework.session.Public;
import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code GET /lti/register?openid_configuration=…&registration_token=…}: the tool's Dynamic
 * Registration initiation URL (Dynamic Registration 1.0 §3.3), the one URL an administrator pastes
 * into the platform. Answers a page for the administrator, inside the platform's registration
 * window: 200 with what was registered, 400 for a start without a usable configuration URL, 502
 * when the platform could not be asked, its configuration was refused, or it refused the
 * registration (its message shown), 429 with Retry-After beyond {@value DynamicRegistrations#STARTS_PER_MINUTE}
 * starts a minute from one address (each start makes the tool send requests), 403 when
 * {@code somework.registration.dynamic} is {@code off}. Never cached: the
 * URL carries the registration token.
 *
 * <p>Only the platform whose configuration URL was given may frame these pages; the policy of the
 * other pages lists registered platforms only, and this one is not registered yet.
 */
@Path("/lti/register")
@Public("a platform's administrator starts the registration from the platform; the registration token is the platform's")
public class RegistrationResource {
  private static final Logger LOG = Logger.getLogger(RegistrationResource.class.getName());

  @Inject DynamicRegistrations registrations;
  @Inject Settings settings;

  @GET
  public Response register(@QueryParam("openid_configuration") String configuration,
      @QueryParam("registration_token") String registrationToken,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @Context HttpServletRequest request) {
    Messages text = Messages.of(UiLanguage.fromAcceptLanguage(acceptLanguage).orElse(UiLanguage.EN));
    if (settings.dynamicRegistration() == Settings.DynamicRegistration.OFF) {
      return page(403, RegistrationPage.closed(text), Optional.empty());
    }
    Optional<Duration> wait = registrations.admit(request.getRemoteAddr());
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds());
      return Response.fromResponse(page(429, RegistrationPage.refused(text,
          "Too many registrations were started from your address; try again in " + seconds + " s."), Optional.empty()))
          .header("Retry-After", Long.toString(seconds)).build();
    }
    Optional<URI> framedBy = Optional.empty();
    try {
      URI configurationUrl = DynamicRegistrationClient.configurationUrl(configuration);
      framedBy = Optional.of(configurationUrl);
      if (settings.production() && PlatformEndpoints.isLoopback(configurationUrl.getHost())) {
        // no platform of an institution runs on the tool's own machine; refusing it keeps the
        // public registration URL from reaching services that listen only on loopback
        throw new LtiException(LtiFailure.REGISTRATION_START_INVALID,
            "In production the tool does not register with a platform on its own machine (loopback).");
      }
      Optional<String> token = Optional.ofNullable(registrationToken).map(String::strip).filter(t -> !t.isEmpty());
      DynamicRegistrations.Registered registered = registrations.register(configurationUrl, token);
      return page(200, RegistrationPage.done(text, registered), framedBy);
    } catch (LtiException e) {
      LOG.warning(() -> "Dynamic registration refused (" + e.failure() + "): " + e.getMessage());
      return page(e.httpStatus(), RegistrationPage.refused(text, e.getMessage()), framedBy);
    }
  }

  private static Response page(int status, String html, Optional<URI> framedBy) {
    List<String> ancestors = framedBy.map(PlatformConfiguration::origin).map(List::of).orElse(List.of());
    return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Content-Security-Policy", ContentSecurityPolicy.policy("'self'", ancestors, List.of()))
        .build();
  }
}
