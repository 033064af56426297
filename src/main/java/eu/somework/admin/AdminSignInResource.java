package eu.somework.admin;

import eu.somework.config.Settings;
import eu.somework.session.AdminSessionTokens;
import eu.somework.session.Public;
import eu.somework.web.ClientAddress;
import eu.somework.web.ErrorPage;
import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Signing in to the administrators' console with the user name and password configured at
 * deployment. Failed attempts count per client address ({@link FailedSignIns}): too many, and the
 * address gets 429 with Retry-After for a while, whatever it sends.
 */
@Path("/admin/sign-in")
@Public("the administrators' sign-in form: the console session starts here")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class AdminSignInResource {
  private static final Logger LOG = Logger.getLogger(AdminSignInResource.class.getName());

  @Inject AdminCredentials credentials;
  @Inject FailedSignIns failures;
  @Inject AdminSessionTokens tokens;
  @Inject AdminAccess access;
  @Inject Clock clock;
  @Inject AdminAudit audit;
  @Inject ClientAddress clientAddress;
  @Inject Settings settings;
  @Context HttpHeaders headers;
  @Context HttpServletRequest request;

  @GET
  public Response form() {
    return page(200, Optional.empty(), "");
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signIn(@FormParam("user") String user, @FormParam("password") String password) {
    String address = clientAddress.of(request);
    Optional<Duration> wait = failures.blocked(address);
    if (wait.isPresent()) {
      long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
      return Response.fromResponse(page(429, Optional.of(text().get("admin.signIn.tooMany", minutes)), user))
          .header("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds()))).build();
    }
    if (!credentials.consoleConfigured()) {
      return page(503, Optional.empty(), "");
    }
    if (!credentials.checkPassword(user, password)) {
      failures.failed(address);
      audit.record(AdminAudit.Channel.CONSOLE, "ADMIN_SIGN_IN_FAILED", null, null, "wrong user name or password");
      // the correlation id, not the address: an administrator's address is personal data (docs/privacy.md)
      String correlation = ErrorPage.newCorrelationId();
      LOG.warning(() -> "Administrators' console: failed sign-in, correlation=" + correlation);
      return page(401, Optional.of(text().get("admin.signIn.wrong")), user);
    }
    AdminSessionTokens.AdminSession session = AdminSessionTokens.start(credentials.user(), clock.instant());
    audit.record(AdminAudit.Channel.CONSOLE, "ADMIN_SIGNED_IN", null, null, null);
    String correlation = ErrorPage.newCorrelationId();
    LOG.info(() -> "Administrators' console: signed in, correlation=" + correlation);
    return Response.seeOther(URI.create(settings.baseUrl() + "/admin"))
        .header("Set-Cookie", AdminCookie.header(tokens.issue(session), session.expiresAt(), clock.instant(),
            access.secureCookies()))
        .build();
  }

  private Response page(int status, Optional<String> problem, String user) {
    String body = ConsolePages.signIn(new ConsolePages.SignIn(text(), credentials.consoleConfigured(), problem,
        user == null ? "" : user));
    return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).build();
  }

  private Messages text() {
    return Messages.of(UiLanguage.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))
        .orElse(UiLanguage.EN));
  }
}
