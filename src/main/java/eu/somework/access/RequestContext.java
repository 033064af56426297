package eu.somework.access;

import eu.somework.learner.LanguagePreferences;
import eu.somework.session.ToolSession;
import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * What the access filter established for this request: the verified tool session, the token that
 * carries it (for links and forms on the page), and the one language the page is served in.
 * Only requests to an {@link eu.somework.session.Allow} resource have one; asking a {@link eu.somework.session.Public} request for it is
 * a programming error ({@link IllegalStateException}).
 */
@RequestScoped
public class RequestContext {
  private ToolSession session;
  private String sessionToken;
  private UiLanguage language;
  private Optional<UiLanguage> carriedLanguage = Optional.empty();

  /**
   * Sets the context; called once per request by the filter (and by tests that call resources
   * without a server).
   *
   * @param carriedLanguage a guest's language choice, which is not stored and travels in links
   */
  public void establish(ToolSession session, String sessionToken, UiLanguage language,
      Optional<UiLanguage> carriedLanguage) {
    this.session = session;
    this.sessionToken = sessionToken;
    this.language = language;
    this.carriedLanguage = carriedLanguage;
  }

  /**
   * The context of a request by {@code session}: the language is chosen here, in one place — a
   * language named in the request (how guests keep theirs), the learner's stored choice, the
   * launch locale, the browser's Accept-Language, English.
   *
   * @param requestedLanguage the request's {@code lang} parameter, or null
   * @param acceptLanguage the Accept-Language header, or null
   */
  public static RequestContext forSession(ToolSession session, String sessionToken, String requestedLanguage,
      String acceptLanguage, LanguagePreferences languages) {
    UiLanguage language = languages.languageFor(session, requestedLanguage, acceptLanguage);
    Optional<UiLanguage> carried = LanguagePreferences.canRemember(session)
        ? Optional.empty() : UiLanguage.fromTag(requestedLanguage);
    return of(session, sessionToken, language, carried);
  }

  /** A context established outside a container, for tests. */
  public static RequestContext of(ToolSession session, String sessionToken, UiLanguage language,
      Optional<UiLanguage> carriedLanguage) {
    RequestContext context = new RequestContext();
    context.establish(session, sessionToken, language, carriedLanguage);
    return context;
  }

  public ToolSession session() {
    if (session == null) {
      throw new IllegalStateException("No tool session: the resource is not declared with @Allow.");
    }
    return session;
  }

  /** The signed session token, to carry in the page's links and forms. */
  public String sessionToken() {
    session();
    return sessionToken;
  }

  public UiLanguage language() {
    session();
    return language;
  }

  public Messages text() {
    return Messages.of(language());
  }

  /** A guest's language choice, carried in links because it is not stored; empty otherwise. */
  public Optional<UiLanguage> carriedLanguage() {
    return carriedLanguage;
  }
}
