package eu.somework.content;

import eu.somework.launch.SessionResolver;
import eu.somework.web.Messages;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** A unit's page. A student opening it has read it; a teacher or guest opening it leaves no trace. */
@Path("/app/units/{id}")
public class UnitResource {
  @Inject SessionResolver sessions;
  @Inject LanguagePreferences languages;
  @Inject ContentCatalogue catalogue;
  @Inject LearnerProgress progress;

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public Response show(@PathParam("id") String id, @QueryParam("s") String token, @QueryParam("lang") String lang,
      @Context HttpHeaders headers) {
    Visit visit = Visit.of(sessions, languages, token, lang, headers);
    Unit unit = catalogue.find(id).orElseThrow(() -> new NotFoundException(notFound(visit.text(), id)));
    Optional<ProgressStatus> status = Optional.empty();
    if (LearnerProgress.tracks(visit.session())) {
      progress.recordRead(visit.session(), unit.id());
      status = Optional.of(progress.statusesOf(visit.session()).getOrDefault(unit.id(), ProgressStatus.READ));
    }
    return Response.ok(UnitPage.render(unit, visit.language(), visit.links(), status))
        .header("Cache-Control", "no-store").build();
  }

  /** Names the unit asked for only when it looks like a unit id, so no odd input is echoed back. */
  static String notFound(Messages text, String id) {
    return id != null && UnitLoader.FOLDER_NAME.matcher(id).matches()
        ? text.get("unit.notFound", id) : text.get("unit.notFoundAny");
  }
}
