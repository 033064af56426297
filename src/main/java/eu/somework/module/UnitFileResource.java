package eu.somework.module;

import eu.somework.content.ContentCatalogue;

import eu.somework.session.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * The images and documents a unit ships, as its text links them. Module content is not personal,
 * so these need no session; only files of the allowed types inside a served unit's folder are sent.
 */
@Path(ContentCatalogue.FILES_PATH + "{unit}/{file: .+}")
@Public("the module's own images and documents: nothing personal")
public class UnitFileResource {
  @Inject ContentCatalogue catalogue;

  @GET
  public Response get(@PathParam("unit") String unit, @PathParam("file") String file) {
    java.nio.file.Path found = catalogue.unitFile(unit, file).orElseThrow(NotFoundException::new);
    CacheControl cache = new CacheControl();
    cache.setMaxAge(3600);
    return Response.ok(found.toFile(), ContentCatalogue.fileMediaType(file))
        .cacheControl(cache).build();
  }
}
