package eu.somework.launch;

import eu.somework.lti.LtiException;
import eu.somework.web.ErrorPage;
import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/** A refused login or launch: its reason for the user, the failed check in the log, no token anywhere. */
@Provider
public class LaunchRejectedMapper implements ExceptionMapper<LaunchRejected> {
  private static final Logger LOG = Logger.getLogger("eu.somework.launch.rejected");

  @Context HttpHeaders headers;

  @Override
  public Response toResponse(LaunchRejected rejected) {
    LtiException reason = rejected.reason();
    String correlation = ErrorPage.newCorrelationId();
    LOG.warning(() -> "LTI login/launch refused: check=" + reason.failure() + " status=" + reason.httpStatus()
        + " correlation=" + correlation);
    Response page = ErrorPage.build(headers, reason.httpStatus(), reason.failure().name(), explanation(rejected),
        correlation, rejected.newWindowUrl());
    rejected.retryAfter().ifPresent(wait ->
        page.getHeaders().putSingle("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))));
    return page;
  }

  /**
   * The reason in the browser's language where the interface texts have one
   * ({@code launch.refused.<FAILURE>}, given the seconds to wait as {0} when the refusal passes with time),
   * else the check's own English sentence.
   */
  private String explanation(LaunchRejected rejected) {
    LtiException reason = rejected.reason();
    String key = "launch.refused." + reason.failure().name();
    UiLanguage language = headers == null ? UiLanguage.EN
        : UiLanguage.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)).orElse(UiLanguage.EN);
    Messages messages = Messages.of(language);
    String text = rejected.retryAfter().map(wait -> messages.get(key, Math.max(1, wait.toSeconds())))
        .orElseGet(() -> messages.get(key));
    return text.equals(key) ? reason.getMessage() : text;
  }
}
