package eu.somework.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.regex.Pattern;

/**
 * Tells the request log which resource template a request matched ({@code /app/units/{id}}), from
 * the {@code @Path}s of the matched class and method; before the access check, so refused requests
 * have their route too. Regular expressions in templates are left out ({@code {id: [a-z]+}} is
 * written {@code {id}}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RouteRecorder implements ContainerRequestFilter {
  private static final Pattern PARAM_REGEX = Pattern.compile("\\{\\s*([^:}\\s]+)\\s*:[^}]*}");

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    if (resource != null && resource.getResourceMethod() != null) {
      RequestCorrelation.matched(template(resource.getResourceClass(), resource.getResourceMethod()));
    }
  }

  /** The class's and the method's {@code @Path} joined with one slash, from the root. */
  static String template(Class<?> type, Method method) {
    StringBuilder joined = new StringBuilder();
    append(joined, type.getAnnotation(Path.class));
    append(joined, method.getAnnotation(Path.class));
    String template = joined.length() == 0 ? "/" : joined.toString();
    return PARAM_REGEX.matcher(template).replaceAll("{$1}");
  }

  private static void append(StringBuilder joined, Path path) {
    if (path == null) {
      return;
    }
    String part = path.value().replaceAll("^/+|/+$", "");
    if (!part.isEmpty()) {
      joined.append('/').append(part);
    }
  }
}
