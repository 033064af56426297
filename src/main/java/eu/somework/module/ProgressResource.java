package eu.somework.module;

import eu.somework.content.ContentCatalogue;
import eu.somework.progress.LearnerProgress;

import eu.somework.session.Allow;
import eu.somework.access.RequestContext;
import eu.somework.course.ResourceLinks;
import eu.somework.session.ToolRole;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The teacher's view of the course's progress; students and guests are refused. */
@Path("/app/progress")
@Allow(value = {ToolRole.TEACHER, ToolRole.ADMINISTRATOR}, course = true, refusal = "progress.forbidden")
public class ProgressResource {
  @Inject RequestContext context;
  @Inject ResourceLinks links;
  @Inject ContentCatalogue catalogue;
  @Inject LearnerProgress progress;

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public Response show() {
    Visit visit = Visit.of(context);
    String html = ProgressPage.render(links.labelled(visit.session()), visit.language(), visit.links(), catalogue.units(),
        progress.course(visit.session()));
    return Response.ok(html).header("Cache-Control", "no-store").build();
  }
}
