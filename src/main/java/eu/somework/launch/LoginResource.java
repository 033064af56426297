package eu.somework.launch;

import eu.somework.session.Public;
import eu.somework.web.ClientAddress;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * OIDC login initiation (GET or the auto-submitted cross-site POST Moodle sends). Answers with a
 * 302 GET to the platform's authorization endpoint: Moodle's auth.php needs its own session
 * cookie, which a cross-site POST would not carry. Each client address may start
 * {@code somework.login.rate-per-minute} logins a minute ({@link LoginRateLimiter}); more get a 429
 * with Retry-After.
 */
@Path("/lti/login")
@Public("the platform's login initiation: the login starts here")
public class LoginResource {
  @Inject LaunchService launches;
  @Inject LoginRateLimiter rateLimiter;
  @Inject LaunchOutcomes outcomes;
  @Inject ClientAddress clientAddress;

  @GET
  public Response get(@Context UriInfo uri, @Context HttpServletRequest request) {
    return redirect(FormParams.single(uri.getQueryParameters()), request);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response post(MultivaluedMap<String, String> form, @Context HttpServletRequest request) {
    return redirect(FormParams.single(form), request);
  }

  private Response redirect(java.util.Map<String, String> params, HttpServletRequest request) {
    // behind a trusted reverse proxy, the address it forwarded for (ClientAddress)
    try {
      rateLimiter.check(clientAddress.of(request));
    } catch (LaunchRejected refused) {
      outcomes.rejected(refused.reason().failure()); // before any platform is known
      throw refused;
    }
    LaunchService.LoginRedirect redirect = launches.startLogin(params);
    return Response.status(Response.Status.FOUND)
        .location(redirect.location())
        .header("Set-Cookie", redirect.loginCookie())
        .header("Cache-Control", "no-store")
        .build();
  }
}
