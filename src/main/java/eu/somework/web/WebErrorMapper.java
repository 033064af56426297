package eu.somework.web;

import eu.somework.persistence.DatabaseOutage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every other error: HTTP errors keep their status with a clear page; a database that cannot be
 * reached is a 503 "temporarily unavailable" (one log line, no stack trace); anything unexpected is a
 * 500 page with a correlation id — the stack trace goes to the log only.
 */
@Provider
public class WebErrorMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(WebErrorMapper.class.getName());

  @Context HttpHeaders headers;
  @Context jakarta.servlet.http.HttpServletRequest request;

  @Override
  public Response toResponse(Throwable error) {
    String correlation = ErrorPage.newCorrelationId();
    if (error instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      int status = web.getResponse().getStatus();
      String message = web.getMessage() != null && !web.getMessage().startsWith("HTTP ")
          ? web.getMessage() : defaultMessage(status);
      Response response = ErrorPage.build(chosenLanguage(), headers, status, "HTTP_" + status, message, correlation,
          Optional.empty());
      if (web.getResponse().getHeaderString("Allow") != null) {
        return Response.fromResponse(response).header("Allow", web.getResponse().getHeaderString("Allow")).build();
      }
      return response;
    }
    if (DatabaseOutage.isCause(error)) {
      // one line per refused request: the outage is the operator's news, not this request's stack
      LOG.warning(() -> "Database unavailable (" + DatabaseOutage.describe(error) + "): answered 503, correlation="
          + correlation);
      return ErrorPage.unavailable(chosenLanguage(), headers, correlation);
    }
    LOG.log(Level.SEVERE, "Unexpected error, correlation=" + correlation, error);
    return ErrorPage.build(headers, 500, "INTERNAL_ERROR",
        "Something went wrong on our side. Nothing you saved is lost; please try again.", correlation,
        Optional.empty());
  }

  /** The language the access filter chose for this request's session, if it got that far. */
  private Optional<UiLanguage> chosenLanguage() {
    Object chosen = request == null ? null : request.getAttribute(ErrorPage.LANGUAGE_PROPERTY);
    if (chosen instanceof java.util.function.Supplier<?> later) { // chosen when first needed
      try {
        chosen = later.get();
      } catch (RuntimeException e) { // the error page must not fail on what failed the request
        chosen = null;
      }
    }
    return chosen instanceof UiLanguage language ? Optional.of(language) : Optional.empty();
  }

  private static String defaultMessage(int status) {
    return switch (status) {
      case 400 -> "The request is not valid.";
      case 401 -> "Your session has expired or is not valid. Open the activity again from your course.";
      case 403 -> "You do not have permission to do this.";
      case 404 -> "There is no such page.";
      case 405 -> "This address does not accept that kind of request.";
      case 413 -> "The request is too large.";
      case 415 -> "The request's content type is not accepted here.";
      default -> "The request could not be completed (HTTP " + status + ").";
    };
  }
}
