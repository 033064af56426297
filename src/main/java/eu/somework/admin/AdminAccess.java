package eu.somework.admin;

import eu.somework.access.AdminGate;
import eu.somework.config.Settings;
import eu.somework.session.AdminOnly;
import eu.somework.session.AdminSessionTokens;
import eu.somework.session.AdminSessionTokens.AdminSession;
import eu.somework.web.ErrorPage;
import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The access filter's check of {@link AdminOnly} requests. The API ({@code api = true}) needs
 * {@code Authorization: Bearer} with the administrators' token; the console needs a valid console
 * session cookie, not signed out of ({@link SignedOutSessions}; a page asked for without one leads to
 * the sign-in page). Failed API tokens count towards the per-address limit ({@link FailedSignIns}),
 * as failed sign-ins do, and go to the audit log ({@link AdminAudit}); a locked-out address is
 * refused every sign-in and every wrong token, but never the right token.
 */
@ApplicationScoped
public class AdminAccess implements AdminGate {
  /** Request property: the renewed console session, whose cookie the response carries. */
  static final String RENEWED = AdminAccess.class.getName() + ".renewed";
  static final String NOT_CONFIGURED = "The administrator API is not configured: set somework.admin.token-sha256.";
  /** The User-Agent product of the command-line client ({@code eu.somework.cli.AdminClient}). */
  static final String CLI_AGENT = "somework-cli";
  private static final Logger LOG = Logger.getLogger(AdminAccess.class.getName());

  @Inject AdminCredentials credentials;
  @Inject FailedSignIns failures;
  @Inject AdminSessionTokens tokens;
  @Inject AdminContext context;
  @Inject SignedOutSessions signedOut;
  @Inject AdminAudit audit;
  @Inject Settings settings;
  @Inject Clock clock;

  @Override
  public Admission admit(ContainerRequestContext request, AdminOnly rule, String clientAddress) {
    return rule.api() ? admitApi(request, clientAddress) : admitConsole(request);
  }

  private Admission admitApi(ContainerRequestContext request, String clientAddress) {
    if (!credentials.apiConfigured()) {
      return Admission.refused(unauthorized(NOT_CONFIGURED));
    }
    String auth = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    Optional<String> token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
        ? Optional.of(auth.substring(7).trim()) : Optional.empty();
    if (token.isEmpty() || token.get().isEmpty()) {
      // no guess, nothing to limit: a browser or a script that was not given the token
      return Admission.refused(unauthorized(
          "This request needs the administrators' token: Authorization: Bearer <token>."));
    }
    // the right token passes even while the address is locked out: it cannot be guessed (32 random
    // characters or more), and others' failures from the same address (a proxy) must not lock the
    // administrators out; the limit slows down guessing only
    if (credentials.checkToken(token.get())) {
      context.establishApi(channelOf(request));
      return Admission.admitted(Optional.empty());
    }
    Optional<Duration> wait = failures.blocked(clientAddress);
    if (wait.isPresent()) {
      return Admission.refused(tooMany(wait.get()));
    }
    failures.failed(clientAddress);
    audit.record(channelOf(request), "ADMIN_SIGN_IN_FAILED", null, null, "wrong token");
    String correlation = ErrorPage.newCorrelationId(); // not the address: personal data (docs/privacy.md)
    LOG.warning(() -> "Administrators' API refused a wrong token, correlation=" + correlation);
    return Admission.refused(unauthorized("The administrators' token is not valid."));
  }

  private Admission admitConsole(ContainerRequestContext request) {
    UiLanguage language = languageOf(request);
    Optional<AdminSession> session = AdminCookie.read(request.getCookies())
        .flatMap(value -> tokens.verify(value, clock.instant()))
        .filter(genuine -> !signedOut.ended(genuine)); // a copy of a signed-out cookie opens nothing
    if (session.isEmpty()) {
      if ("GET".equals(request.getMethod())) {
        return Admission.refused(Response.seeOther(URI.create(settings.baseUrl() + "/admin/sign-in")).header("Cache-Control", "no-store")
            .build());
      }
      return Admission.refused(page(language, 401, Messages.of(language).get("admin.signInFirst"),
          new ErrorPage.Link("/admin/sign-in", Messages.of(language).get("admin.signIn.submit"))));
    }
    AdminSession renewed = session.get().renewedAt(clock.instant());
    request.setProperty(RENEWED, renewed);
    context.establish(renewed, language);
    return Admission.admitted(Optional.of(renewed.csrfToken()));
  }

  /**
   * The command line says who it is in its User-Agent ({@value #CLI_AGENT}/version); anything else
   * with the token is the API. What the caller says, for the audit log only: it grants nothing.
   */
  static AdminAudit.Channel channelOf(ContainerRequestContext request) {
    String agent = request.getHeaderString(HttpHeaders.USER_AGENT);
    return agent != null && agent.startsWith(CLI_AGENT + "/") ? AdminAudit.Channel.CLI : AdminAudit.Channel.API;
  }

  @Override
  public Response csrfRefused(ContainerRequestContext request) {
    UiLanguage language = languageOf(request);
    return page(language, 403, Messages.of(language).get("admin.csrf"),
        new ErrorPage.Link("/admin", Messages.of(language).get("admin.backToConsole")));
  }

  /** The Set-Cookie value that keeps a renewed console session in the browser. */
  String cookieFor(AdminSession session) {
    return AdminCookie.header(tokens.issue(session), session.expiresAt(), clock.instant(), secureCookies());
  }

  boolean secureCookies() {
    return settings.baseUrl().startsWith("https://");
  }

  static UiLanguage languageOf(ContainerRequestContext request) {
    return UiLanguage.fromAcceptLanguage(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)).orElse(UiLanguage.EN);
  }

  private static Response page(UiLanguage language, int status, String message, ErrorPage.Link way) {
    return ErrorPage.build(Optional.of(language), null, status, "HTTP_" + status, message,
        ErrorPage.newCorrelationId(), Optional.empty(), Optional.of(way));
  }

  private static Response unauthorized(String sentence) {
    return Response.fromResponse(ApiJson.error(401, sentence))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"somework-admin\"").build();
  }

  static Response tooMany(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return Response.fromResponse(ApiJson.error(429, "Too many failed attempts from your address. Try again in " + seconds
        + " s.")).header("Retry-After", Long.toString(seconds)).build();
  }
}
