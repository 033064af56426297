package eu.somework.web;

import eu.somework.session.Public;
import eu.somework.config.Settings;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The front page for someone who opens the tool's URL directly rather than from a course. */
@Path("/")
@Public("the front page for someone who opens the tool's URL directly")
public class RootResource {
  /** What {@code web/root.jte} shows: the URLs an administrator registers, and the simulator's link when it is on. */
  record View(String baseUrl, boolean simulatorEnabled) {}

  @Inject Settings settings;

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public String index() {
    return Templates.render("web/root.jte", new View(settings.baseUrl(), settings.simulatorEnabled()));
  }
}
