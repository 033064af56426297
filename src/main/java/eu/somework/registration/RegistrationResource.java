package eu.somework.registration;

import eu.somework.config.Settings;
import eu.somework.lti.DynamicRegistrationClient;
import eu.somework.lti.LtiException;
import eu.somework.lti.LtiFailure;
import eu.somework.lti.PlatformConfiguration;
import eu.somework.lti.PlatformEndpoints;
import eu.somework.platform.ContentSecurityPolicy;
import eu.somework.session.Public;
import eu.somework.web.ClientAddress;
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
import java.net.URISyntaxException;
import java.util.Locale;
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
  @Inject ClientAddress clientAddress;

  @GET
  public Response register(@QueryParam("openid_configuration") String configuration,
      @QueryParam("registration_token") String registrationToken,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @Context HttpServletRequest request) {
    Messages text = Messages.of(UiLanguage.fromAcceptLanguage(acceptLanguage).orElse(UiLanguage.EN));
    // taken before anything is checked, so that a refusal is shown inside the platform's frame
    Optional<URI> framedBy = frameOrigin(configuration);
    if (settings.dynamicRegistration() == Settings.DynamicRegistration.OFF) {
      return page(403, RegistrationPage.closed(text), framedBy);
    }
    Optional<Duration> wait = registrations.admit(clientAddress.of(request));
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds());
      return Response.fromResponse(page(429, RegistrationPage.refused(text,
          text.get("register.reason.tooMany", seconds)), framedBy))
          .header("Retry-After", Long.toString(seconds)).build();
    }
    try {
      URI configurationUrl = DynamicRegistrationClient.configurationUrl(configuration);
      framedBy = Optional.of(configurationUrl);
      if (settings.production() && PlatformEndpoints.isLoopback(configurationUrl.getHost())) {
        // no platform of an institution runs on the tool's own machine; refusing it keeps the
        // public registration URL from reaching services that listen only on loopback
        throw LtiException.coded(LtiFailure.REGISTRATION_START_INVALID, "loopback",
            "In production the tool does not register with a platform on its own machine (loopback).");
      }
      Optional<String> token = Optional.ofNullable(registrationToken).map(String::strip).filter(t -> !t.isEmpty());
      DynamicRegistrations.Registered registered = registrations.register(configurationUrl, token);
      return page(200, RegistrationPage.done(text, registered), framedBy);
    } catch (LtiException e) {
      LOG.warning(() -> "Dynamic registration refused (" + e.failure() + "): " + e.getMessage());
      return page(e.httpStatus(), RegistrationPage.refused(text, reason(text, e)), framedBy);
    }
  }

  /**
   * The site that may frame the page: the origin of the {@code openid_configuration} parameter
   * when it parses as an http or https URL with a host, whether or not the rest of it passes.
   */
  static Optional<URI> frameOrigin(String configuration) {
    if (configuration == null || configuration.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(configuration.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
          ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** The reason in the page's language when the tool's own check gave a code, else its message. */
  static String reason(Messages text, LtiException e) {
    if (e.reasonCode().isPresent()) {
      String key = "register.reason." + e.reasonCode().get();
      String translated = text.get(key, e.reasonArguments().toArray());
      if (!translated.equals(key)) {
        return translated;
      }
    }
    return e.getMessage();
  }

  private static Response page(int status, String html, Optional<URI> framedBy) {
    List<String> ancestors = framedBy.map(PlatformConfiguration::origin).map(List::of).orElse(List.of());
    return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Content-Security-Policy", ContentSecurityPolicy.policy("'self'", ancestors, List.of()))
        .build();
  }
}
