package eu.somework.content;

import eu.somework.config.Settings;
import eu.somework.launch.SessionResolver;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Where a launch lands. A link that Deep Linking bound to one unit (custom parameter {@code unit})
 * goes straight to that unit; any other launch shows the module overview.
 */
@Path("/app")
public class ModuleResource {
  @Inject SessionResolver sessions;
  @Inject LanguagePreferences languages;
  @Inject ContentCatalogue catalogue;
  @Inject LearnerProgress progress;
  @Inject CourseMembers members;
  @Inject Settings settings;

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public Response launchLanding(@QueryParam("s") String token, @QueryParam("lang") String lang,
      @Context HttpHeaders headers) {
    Visit visit = Visit.of(sessions, languages, token, lang, headers);
    members.seen(visit.session());
    if (visit.session().unit().isPresent()) {
      // the id comes from the platform's custom parameter: only a unit we serve goes into a URL
      String id = visit.session().unit().get();
      Unit unit = catalogue.find(id).orElseThrow(() -> new NotFoundException(UnitResource.notFound(visit.text(), id)));
      // 303 to the unit's own address: its language menu and reloads then stay on the unit
      return Response.seeOther(URI.create(settings.baseUrl() + visit.links().url(AppLinks.unit(unit.id()))))
          .header("Cache-Control", "no-store").build();
    }
    return page(visit, "/app");
  }

  @GET
  @Path("overview")
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public Response overview(@QueryParam("s") String token, @QueryParam("lang") String lang,
      @Context HttpHeaders headers) {
    return page(Visit.of(sessions, languages, token, lang, headers), AppLinks.OVERVIEW);
  }

  private Response page(Visit visit, String path) {
    String html = ModulePage.render(visit.session(), visit.language(), visit.links(), path, catalogue.units(),
        progress.statusesOf(visit.session()));
    return Response.ok(html).header("Cache-Control", "no-store").build();
  }
}
