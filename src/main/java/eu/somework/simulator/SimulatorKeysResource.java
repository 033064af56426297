package eu.somework.simulator;

import eu.somework.session.Public;
import eu.somework.platform.KeyRing;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The simulator platform's public keys, where the tool fetches them from. */
@Path("/simulator/jwks")
@Public("the simulated platform's public keys")
public class SimulatorKeysResource {
  @Inject KeyRing keys;

  @GET // any Accept: a key set is JSON whatever the client asks for
  public Response jwks() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(600);
    return Response.ok(keys.publicKeySet(SimulatedPlatform.KEY_OWNER).toString(true)).type(MediaType.APPLICATION_JSON_TYPE).cacheControl(cache).build();
  }
}
