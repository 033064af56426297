package eu.somework.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Refuses, before anything reads it, a request whose body cannot be meant for the tool: a POST,
 * PUT or PATCH without a Content-Type (415; without this check a form endpoint failed with a 500;
 * the administrators' JSON API excepted)
 * or with a declared body over {@link #MAX_BODY_BYTES} (413). Forms the tool serves are a few
 * kilobytes; an id_token is at most tens.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class RequestShape implements ContainerRequestFilter {
  /** The largest request body the tool accepts: 1 MiB. */
  public static final long MAX_BODY_BYTES = 1L << 20;
  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

  @Override
  public void filter(ContainerRequestContext request) {
    if (!WITH_BODY.contains(request.getMethod())) {
      return;
    }
    if (request.getMediaType() == null && !isAdminApi(request)) {
      throw new NotSupportedException("The request has no Content-Type; this address accepts a form.");
    }
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length != null && !length.isBlank()) {
      try {
        if (Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
          throw new WebApplicationException("The request is too large.", 413);
        }
      } catch (NumberFormatException malformed) {
        throw new WebApplicationException("The request's Content-Length is not a number.", 400);
      }
    }
  }

  /** The administrators' JSON API takes body-less POSTs (rotate, enable) and reads its JSON itself. */
  private static boolean isAdminApi(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    return path.startsWith("admin/api/") || path.startsWith("/admin/api/");
  }
}
