package eu.somework.platform;

import eu.somework.session.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The tool's public keys, for platforms to verify what the tool signs: CURRENT, NEXT and a PREVIOUS
 * key not yet withdrawn ({@link KeyRing}). Cacheable for {@link KeyRing#keySetMaxAge()}.
 */
@Path("/.well-known/jwks.json")
@Public("the tool's public keys, fetched by platforms")
public class JwksResource {
  @Inject KeyRing keys;

  @GET // any Accept: a key set is JSON whatever the client asks for
  public Response jwks() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge((int) keys.keySetMaxAge().toSeconds());
    return Response.ok(keys.publicKeySet(KeyRing.TOOL).toString(true)).type(MediaType.APPLICATION_JSON_TYPE).cacheControl(cache).build();
  }
}
