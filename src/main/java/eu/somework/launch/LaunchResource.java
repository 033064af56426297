package eu.somework.launch;

import eu.somework.session.Public;
import eu.somework.session.SessionTokens;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/** The redirect URI: the platform posts the id_token here. */
@Path("/lti/launch")
@Public("the platform posts the id_token here: the session starts here")
public class LaunchResource {
  @Inject LaunchService launches;
  @Inject eu.somework.config.Settings settings;
  @Inject LaunchMetrics metrics;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response launch(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
    long started = System.nanoTime();
    String result = LaunchMetrics.ERROR;
    try {
      LaunchService.Launched launched = launches.completeLaunch(FormParams.single(form), headers.getCookies());
      String target = launched.landing();
      // 303: the browser follows with a GET, so reloading the page never re-posts the id_token
      Response.ResponseBuilder answer = Response.seeOther(UriBuilder.fromUri(settings.baseUrl() + target)
          .queryParam(SessionTokens.PARAM, launched.token()).build());
      launched.cookies().forEach(cookie -> answer.header("Set-Cookie", cookie));
      Response response = answer.header("Cache-Control", "no-store").build();
      result = LaunchMetrics.ACCEPTED;
      return response;
    } catch (LaunchRejected e) {
      result = LaunchMetrics.REJECTED;
      throw e;
    } finally {
      metrics.launchTook(result, System.nanoTime() - started);
    }
  }
}
