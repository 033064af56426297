package eu.somework.web;

import eu.somework.session.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The stylesheet and the few scripts, from the class path, by an allow-list of names. */
@Path("/static/{name}")
@Public("stylesheet and scripts: nothing personal")
public class StaticResource {
  private static final Map<String, String> FILES = Map.of(
      "app.css", "text/css; charset=UTF-8",
      "autosubmit.js", "text/javascript; charset=UTF-8",
      "grading-form.js", "text/javascript; charset=UTF-8",
      "reflection-editor.js", "text/javascript; charset=UTF-8",
      "registration-close.js", "text/javascript; charset=UTF-8",
      "simulator.js", "text/javascript; charset=UTF-8",
      "simulator-registration.js", "text/javascript; charset=UTF-8");

  @GET
  public Response get(@PathParam("name") String name) throws IOException {
    String type = FILES.get(name);
    if (type == null) {
      throw new NotFoundException();
    }
    try (InputStream in = StaticResource.class.getResourceAsStream("/static/" + name)) {
      if (in == null) {
        throw new NotFoundException();
      }
      CacheControl cache = new CacheControl();
      cache.setMaxAge(300);
      return Response.ok(in.readAllBytes(), type).cacheControl(cache).build();
    }
  }
}
