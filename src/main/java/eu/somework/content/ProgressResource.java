package eu.somework.content;

import eu.somework.launch.SessionResolver;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The teacher's view of the course's progress; students and guests are refused. */
@Path("/app/progress")
public class ProgressResource {
  @Inject SessionResolver sessions;
  @Inject LanguagePreferences languages;
  @Inject ContentCatalogue catalogue;
  @Inject LearnerProgress progress;

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public Response show(@QueryParam("s") String token, @QueryParam("lang") String lang,
      @Context HttpHeaders headers) {
    Visit visit = Visit.of(sessions, languages, token, lang, headers);
    if (!visit.session().role().canTeach()) {
      throw new ForbiddenException(visit.text().get("progress.forbidden"));
    }
    String html = ProgressPage.render(visit.session(), visit.language(), visit.links(), catalogue.units(),
        progress.course(visit.session()));
    return Response.ok(html).header("Cache-Control", "no-store").build();
  }
}
