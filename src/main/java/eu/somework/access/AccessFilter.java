package eu.somework.access;

import eu.somework.session.BoundSession;
import eu.somework.session.SessionCookie;
import eu.somework.session.SessionTokens;
import eu.somework.session.ToolSession;
import eu.somework.learner.LanguagePreferences;
import eu.somework.session.AdminOnly;
import eu.somework.session.Allow;
import eu.somework.web.ClientAddress;
import eu.somework.web.ErrorPage;
import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one place where a request's tool session is read and checked: the token (query or form
 * field {@code s}, header {@code X-SomeWork-Session}, or {@code Authorization: Bearer}) must be
 * genuine and unexpired, and the browser must present the session cookie the token is bound to,
 * so a copied link opens nothing elsewhere, the session's registration must still exist and be
 * switched on ({@link SessionRegistrations}), and the person's data must not have been erased since
 * the session began ({@link PersonSessions}). Then the role must be one the resource's
 * {@link eu.somework.session.Allow} names. A resource declared {@link AdminOnly} is checked by
 * the {@link AdminGate} instead (the administrators' console session or API token; never a tool
 * session), and its state-changing console forms must carry the CSRF token. A resource without a
 * rule is refused (fail closed).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter, ContainerResponseFilter {
  /** Marks a request that carried a session token, so its response is never cached or stored. */
  private static final String WITH_SESSION = AccessFilter.class.getName() + ".session";
  private static final Logger LOG = Logger.getLogger(AccessFilter.class.getName());

  /** The form field that carries an administrator's CSRF token. */
  public static final String CSRF_FIELD = "csrf";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;
  @Inject AdminGate adminGate;
  @Inject RequestContext context;
  @Inject SessionTokens tokens;
  @Inject SessionRegistrations registrations;
  @Inject PersonSessions people;
  @Inject LanguagePreferences languages;
  @Inject ClientAddress clientAddress;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (resource.getResourceMethod() == null
        || !resource.getResourceClass().getName().startsWith("eu.somework.")) {
      return; // no resource matched (404 or 405 follows), or Jersey's own OPTIONS answer
    }
    Optional<AccessRule> rule = AccessRule.of(resource.getResourceClass(), resource.getResourceMethod());
    if (rule.isEmpty()) {
      LOG.severe(() -> "Refused: " + resource.getResourceClass().getName() + "." + resource.getResourceMethod().getName()
          + " declares no access rule");
      throw new ForbiddenException(fallbackText(request).get("access.noRule"));
    }
    if (rule.get().isPublic()) {
      return;
    }
    if (rule.get().admin().isPresent()) {
      admitAdministrator(request, rule.get().admin().get());
      return;
    }
    admit(request, rule.get().allow().orElseThrow());
  }

  /**
   * A tool administrator's request: the gate checks the console session or API token; a
   * state-changing console request must also carry the session's CSRF token.
   */
  private void admitAdministrator(ContainerRequestContext request, AdminOnly rule) throws IOException {
    request.setProperty(WITH_SESSION, Boolean.TRUE);
    AdminGate.Admission admission = adminGate.admit(request, rule, clientAddress.of(servletRequest));
    if (admission.refusal().isPresent()) {
      request.abortWith(admission.refusal().get());
      return;
    }
    if (admission.csrfToken().isPresent() && !SAFE_METHODS.contains(request.getMethod())) {
      String sent = RequestParameters.of(request).first(CSRF_FIELD).orElse("");
      if (!MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
          admission.csrfToken().get().getBytes(StandardCharsets.UTF_8))) {
        request.abortWith(adminGate.csrfRefused(request));
      }
    }
  }

  private void admit(ContainerRequestContext request, Allow allow) throws IOException {
    RequestParameters params = RequestParameters.of(request);
    Optional<String> token = params.first(SessionTokens.PARAM).or(() -> headerToken(request));
    if (token.isPresent()) {
      request.setProperty(WITH_SESSION, Boolean.TRUE); // refusals too: their URL carries a token
    }
    Optional<BoundSession> bound = token.flatMap(tokens::verify);
    if (bound.isEmpty()) {
      throw new NotAuthorizedException(fallbackText(request).get("access.noSession"), "Bearer");
    }
    if (!SessionCookie.matches(request.getCookies(), bound.get())) {
      throw new NotAuthorizedException(fallbackText(request).get("access.otherBrowser"), "Bearer");
    }
    ToolSession session = bound.get().session();
    RequestContext established = RequestContext.forSession(session, token.get(), params.first("lang").orElse(null),
        request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), languages);
    // chosen when first needed: the landing page reads the stored choice with its own data
    request.setProperty(ErrorPage.LANGUAGE_PROPERTY, (java.util.function.Supplier<UiLanguage>) established::languageForErrorPage);
    if (session.issuer() != null && !registrations.admitsSessions(session.issuer(), session.clientId())) {
      // switched off or deleted by an administrator: its open sessions end with it
      throw new ForbiddenException(established.text().get("access.registrationOff"));
    }
    if (session.userId().isPresent()
        && !people.admits(session.issuer(), session.clientId(), session.userId().get(), bound.get().issuedAt())) {
      // the person's data was erased after this session began: it ends with it
      throw new NotAuthorizedException(established.text().get("access.erased"), "Bearer");
    }
    if (Arrays.stream(allow.value()).noneMatch(role -> role == session.role())) {
      throw new ForbiddenException(established.text().get(allow.refusal()));
    }
    if (allow.course() && !session.hasContext()) {
      throw new ForbiddenException(established.text().get("access.noCourse"));
    }
    context.establish(established);
  }

  /** A page reached with a session token carries it in its links or URL: no cache may keep it. */
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (Boolean.TRUE.equals(request.getProperty(WITH_SESSION))) {
      response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }
  }

  private static Optional<String> headerToken(ContainerRequestContext request) {
    String header = request.getHeaderString(SessionTokens.HEADER);
    if (header != null && !header.isBlank()) {
      return Optional.of(header.trim());
    }
    String auth = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(auth.substring(7).trim()).filter(t -> !t.isEmpty());
    }
    return Optional.empty();
  }

  private static Messages fallbackText(ContainerRequestContext request) {
    return Messages.of(UiLanguage.fromAcceptLanguage(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))
        .orElse(UiLanguage.EN));
  }
}
