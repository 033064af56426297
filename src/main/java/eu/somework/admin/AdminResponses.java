package eu.somework.admin;

import eu.somework.session.AdminSessionTokens.AdminSession;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Headers of every answer under {@code /admin}: never cached, never framed, forms only to the tool
 * itself, styles and images from the tool only, no scripts at all; a console session renewed by
 * the request goes back in its cookie (so it ends after 30 idle minutes, not 30 busy ones).
 */
@Provider
public class AdminResponses implements ContainerResponseFilter {
  static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
      + " frame-ancestors 'none'; base-uri 'none'";

  @Inject AdminAccess access;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String path = request.getUriInfo().getPath();
    if (!(path.equals("admin") || path.startsWith("admin/") || path.startsWith("/admin"))) {
      return;
    }
    var headers = response.getHeaders();
    headers.putSingle("Cache-Control", "no-store");
    headers.putSingle("Content-Security-Policy", POLICY);
    if (request.getProperty(AdminAccess.RENEWED) instanceof AdminSession renewed
        && !headers.containsKey("Set-Cookie")) {
      headers.add("Set-Cookie", access.cookieFor(renewed));
    }
  }
}
