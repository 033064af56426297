package eu.somework.module;

import eu.somework.content.ContentCatalogue;
import eu.somework.content.Unit;
import eu.somework.progress.LearnerProgress;
import eu.somework.progress.ProgressStatus;
import eu.somework.reflection.Reflections;

import eu.somework.session.Allow;
import eu.somework.access.RequestContext;
import eu.somework.session.ToolRole;
import eu.somework.web.Messages;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** A unit's page. A student opening it has read it; a teacher or guest opening it leaves no trace. */
@Path("/app/units/{id}")
@Allow({ToolRole.STUDENT, ToolRole.TEACHER, ToolRole.ADMINISTRATOR, ToolRole.GUEST})
public class UnitResource {
  @Inject RequestContext context;
  @Inject ContentCatalogue catalogue;
  @Inject LearnerProgress progress;

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public Response show(@PathParam("id") String id) {
    Visit visit = Visit.of(context);
    Unit unit = catalogue.find(id).orElseThrow(() -> new NotFoundException(notFound(visit.text(), id)));
    Optional<ProgressStatus> status = Optional.empty();
    if (LearnerProgress.tracks(visit.session())) {
      progress.recordRead(visit.session(), unit.id());
      status = Optional.of(progress.statusesOf(visit.session()).getOrDefault(unit.id(), ProgressStatus.READ));
    }
    Optional<String> reflection = Reflections.writes(visit.session()) ? Optional.of("reflection.write")
        : visit.session().role().canTeach() && visit.session().hasContext() ? Optional.of("reflection.read")
        : Optional.empty();
    return Response.ok(UnitPage.render(unit, visit.language(), visit.links(), status, reflection))
        .header("Cache-Control", "no-store").build();
  }

  /** Names the unit asked for only when it looks like a unit id, so no odd input is echoed back. */
  static String notFound(Messages text, String id) {
    return ContentCatalogue.isUnitId(id)
        ? text.get("unit.notFound", id) : text.get("unit.notFoundAny");
  }
}
