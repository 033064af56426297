package eu.somework.module;

import eu.somework.content.ContentCatalogue;
import eu.somework.content.Unit;
import eu.somework.progress.LearnerProgress;

import eu.somework.session.Allow;
import eu.somework.access.RequestContext;
import eu.somework.config.Settings;
import eu.somework.course.ResourceLinks;
import eu.somework.session.ToolRole;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Where a launch lands. A link that Deep Linking bound to one unit (custom parameter {@code unit})
 * goes straight to that unit; any other launch shows the module overview.
 */
@Path("/app")
@Allow({ToolRole.STUDENT, ToolRole.TEACHER, ToolRole.ADMINISTRATOR, ToolRole.GUEST})
public class ModuleResource {
  @Inject RequestContext context;
  @Inject ContentCatalogue catalogue;
  @Inject LearnerProgress progress;
  @Inject ResourceLinks links;
  @Inject Settings settings;

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public Response launchLanding() {
    Visit visit = Visit.of(context);
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
  public Response overview() {
    return page(Visit.of(context), AppLinks.OVERVIEW);
  }

  private Response page(Visit visit, String path) {
    String html = ModulePage.render(links.labelled(visit.session()), visit.language(), visit.links(), path,
        catalogue.units(),
        progress.statusesOf(visit.session()));
    return Response.ok(html).header("Cache-Control", "no-store").build();
  }
}
