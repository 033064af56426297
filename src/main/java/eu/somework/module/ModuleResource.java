package eu.somework.module;

import eu.somework.content.ContentCatalogue;
import eu.somework.content.Unit;
import eu.somework.progress.LearnerProgress;

import eu.somework.session.Allow;
import eu.somework.access.RequestContext;
import eu.somework.config.Settings;
import eu.somework.course.ResourceLinks;
import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
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
  @Inject LandingRead landing;

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public Response launchLanding() {
    if (context.session().unit().isEmpty()) {
      return landingPage();
    }
    Visit visit = Visit.of(context);
    // the id comes from the platform's custom parameter: only a unit we serve goes into a URL
    String id = visit.session().unit().get();
    Unit unit = catalogue.find(id).orElseThrow(() -> new NotFoundException(UnitResource.notFound(visit.text(), id)));
    // 303 to the unit's own address: its language menu and reloads then stay on the unit
    return Response.seeOther(URI.create(settings.baseUrl() + visit.links().url(AppLinks.unit(unit.id()))))
        .header("Cache-Control", "no-store").build();
  }

  /** The overview a launch lands on: its data, the stored language included, in one read. */
  private Response landingPage() {
    LandingRead.Landing read = landing.read(context.session(), context.languageUnchosen());
    context.chooseLanguage(read.language());
    Visit visit = Visit.of(context);
    ToolSession labelled = visit.session().withLabels(read.displayName(), read.contextTitle(), read.linkTitle());
    String html = ModulePage.render(labelled, visit.language(), visit.links(), "/app", catalogue.units(),
        read.statuses());
    return Response.ok(html).header("Cache-Control", "no-store").build();
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
