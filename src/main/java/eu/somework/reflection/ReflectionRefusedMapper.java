package eu.somework.reflection;

import eu.somework.access.RequestContext;
import eu.somework.web.ErrorPage;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * A refused request about reflections or comments: its status and reason in the session's
 * language, as a page or JSON (by Accept). Logs nothing: the ids would link a person to a course.
 */
@Provider
public class ReflectionRefusedMapper implements ExceptionMapper<ReflectionRefused> {
  @Context HttpHeaders headers;
  @Inject RequestContext context;

  @Override
  public Response toResponse(ReflectionRefused refused) {
    ReflectionRefused.Reason reason = refused.reason();
    String message = reason == ReflectionRefused.Reason.COMMENT_TOO_LONG
        ? context.text().get(reason.messageKey(), ReflectionComment.MAX_LENGTH) : context.text().get(reason.messageKey());
    Response page = ErrorPage.build(Optional.of(context.language()), headers, reason.status(),
        "HTTP_" + reason.status(), message, ErrorPage.newCorrelationId(), Optional.empty());
    page.getHeaders().putSingle("Cache-Control", "no-store");
    return page;
  }
}
