package eu.somework.access;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A request's query parameters and, for a form post, its form fields. The form body is read once
 * and put back, so the resource still receives its {@code @FormParam}s.
 */
final class RequestParameters {
  /** Forms larger than this are refused with 413 before anything reads them. */
  static final int MAX_FORM_BYTES = 1 << 20;

  private final MultivaluedMap<String, String> query;
  private final MultivaluedMap<String, String> form;

  private RequestParameters(MultivaluedMap<String, String> query, MultivaluedMap<String, String> form) {
    this.query = query;
    this.form = form;
  }

  static RequestParameters of(ContainerRequestContext request) throws IOException {
    MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
    MediaType type = request.getMediaType();
    if (type != null && MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type) && request.hasEntity()) {
      byte[] body;
      try (InputStream in = request.getEntityStream()) {
        body = in.readNBytes(MAX_FORM_BYTES + 1);
      }
      if (body.length > MAX_FORM_BYTES) {
        throw new WebApplicationException(413);
      }
      request.setEntityStream(new ByteArrayInputStream(body));
      parse(new String(body, StandardCharsets.UTF_8), form);
    }
    return new RequestParameters(request.getUriInfo().getQueryParameters(), form);
  }

  /** The first non-blank value of a form field, else of a query parameter. */
  Optional<String> first(String name) {
    return nonBlank(form.getFirst(name)).or(() -> nonBlank(query.getFirst(name)));
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  private static void parse(String body, MultivaluedMap<String, String> into) {
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        into.add(name, value);
      } catch (IllegalArgumentException malformed) {
        // a malformed pair is skipped here; the resource's own form reading reports it
      }
    }
  }
}
