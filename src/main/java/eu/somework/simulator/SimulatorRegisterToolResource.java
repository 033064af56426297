package eu.somework.simulator;

import eu.somework.config.Settings;
import eu.somework.lti.PlatformEndpoints;
import eu.somework.platform.SecurityHeaders;
import eu.somework.session.Public;
import eu.somework.web.Templates;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code POST /simulator/register-tool}: the administrator's "Register a tool" on the simulator
 * page. Issues a one-time registration token and shows the tool's registration URL in a frame,
 * with {@code openid_configuration} and {@code registration_token} added (Dynamic Registration 1.0
 * §3.3), as Moodle 4 does; when the tool posts {@code org.imsglobal.lti.close}, the page goes back to
 * the simulator's list of registered tools ({@code /static/simulator-registration.js}).
 */
@Path("/simulator/register-tool")
@Public("the simulated platform's own pages, behind the simulator gate")
public class SimulatorRegisterToolResource {
  @Inject Settings settings;
  @Inject SimulatorRegistrations registrations;

  /** What the registering page shows: the URL the frame opens (token included). */
  public record View(String frameUrl) {}

  /**
   * @param url the tool's registration (initiation) URL, http(s)
   * @param expired "on" to issue the token already expired, to try how the tool handles it
   */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response start(@FormParam("url") String url, @FormParam("expired") String expired) {
    URI tool = toolUrl(url);
    SimulatedPlatform platform = new SimulatedPlatform(settings.baseUrl());
    String token = registrations.issueToken("on".equals(expired));
    String frame = tool + (tool.getRawQuery() == null ? "?" : "&") + "openid_configuration="
        + URLEncoder.encode(platform.openIdConfigurationUrl(), StandardCharsets.UTF_8)
        + "&registration_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    return Response.ok(Templates.render("simulator/register.jte", new View(frame)), MediaType.TEXT_HTML
            + ";charset=UTF-8")
        .header("Cache-Control", "no-store") // the page carries the registration token
        .header("Content-Security-Policy", SecurityHeaders.policyFraming("'self' " + origin(tool)))
        .build();
  }

  /** The longest registration URL the simulator accepts (the frame's URL carries it whole). */
  static final int MAX_URL_LENGTH = 2_000;

  /**
   * The pasted URL, when it is an absolute http(s) URL without a fragment or user name, of at most
   * {@value #MAX_URL_LENGTH} characters, and https unless on this machine (loopback), as the tool
   * itself requires of a platform: the registration token must not travel in plain text.
   */
  static URI toolUrl(String url) {
    if (url != null && url.strip().length() > MAX_URL_LENGTH) {
      throw new BadRequestException("The registration URL is longer than " + MAX_URL_LENGTH + " characters.");
    }
    try {
      URI uri = new URI(url == null ? "" : url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          && uri.getRawUserInfo() == null && uri.getRawFragment() == null) {
        if (!PlatformEndpoints.isAllowed(uri)) {
          throw new BadRequestException("The registration URL must use https (plain http only for a tool on this"
              + " machine: localhost, 127.0.0.0/8, ::1); the registration token is not sent in plain text.");
        }
        return uri;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw new BadRequestException("Paste the tool's registration URL: an absolute http(s) URL.");
  }

  /** scheme://host[:port], from the parsed parts only: nothing else reaches the header. */
  static String origin(URI uri) {
    return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }
}
