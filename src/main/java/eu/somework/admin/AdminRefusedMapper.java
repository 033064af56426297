package eu.somework.admin;

import eu.somework.web.ErrorPage;
import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * A request refused by an administrators' service: for the API its status and
 * {@code {"error": "…"}}, for the console the error page with the same sentence.
 */
@Provider
public class AdminRefusedMapper implements ExceptionMapper<AdminRefused> {
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @Override
  public Response toResponse(AdminRefused refused) {
    String path = uri == null ? "admin/api" : uri.getPath();
    if (path.startsWith("admin/api") || path.startsWith("/admin/api")) {
      return ApiJson.error(refused.status(), refused.getMessage());
    }
    UiLanguage language = headers == null ? UiLanguage.EN
        : UiLanguage.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)).orElse(UiLanguage.EN);
    return ErrorPage.build(Optional.of(language), null, refused.status(), "HTTP_" + refused.status(),
        refused.getMessage(), ErrorPage.newCorrelationId(), Optional.empty(),
        Optional.of(new ErrorPage.Link("/admin", Messages.of(language).get("admin.backToConsole"))));
  }
}
