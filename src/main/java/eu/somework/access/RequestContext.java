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
  /** Until the language is asked for: how to choose it (reading the learner's stored choice). */
  private java.util.function.Function<Optional<Optional<UiLanguage>>, UiLanguage> chooseLanguage;

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
    Optional<UiLanguage> carried = LanguagePreferences.canRemember(session)
        ? Optional.empty() : UiLanguage.fromTag(requestedLanguage);
    RequestContext context = of(session, sessionToken, null, carried);
    // chosen when first asked for: a page that reads the stored choice with its own data passes it in
    context.chooseLanguage = stored -> stored.isPresent()
        ? LanguagePreferences.languageFor(session, requestedLanguage, acceptLanguage, stored.get())
        : languages.languageFor(session, requestedLanguage, acceptLanguage);
    return context;
  }

  /** Takes the context {@link #forSession} established, with its language still to be chosen. */
  public void establish(RequestContext established) {
    establish(established.session, established.sessionToken, established.language, established.carriedLanguage);
    this.chooseLanguage = established.chooseLanguage;
  }

  /**
   * Whether the language is still to be chosen; then a page that reads the learner's stored choice
   * together with its own data hands it to {@link #chooseLanguage} and saves the read.
   */
  public boolean languageUnchosen() {
    return language == null && chooseLanguage != null;
  }

  /** Chooses the language with the learner's stored choice read by the page ({@link #languageUnchosen}). */
  public void chooseLanguage(Optional<UiLanguage> stored) {
    if (languageUnchosen()) {
      language = chooseLanguage.apply(Optional.of(stored));
    }
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
    if (language == null && chooseLanguage != null) {
      language = chooseLanguage.apply(Optional.empty());
    }
    return language;
  }

  /**
   * {@link #language()} for an error page: when the learner's stored choice cannot be read (the
   * database is unreachable), the language chosen without it (the launch's locale, the browser's).
   */
  public UiLanguage languageForErrorPage() {
    try {
      return language();
    } catch (RuntimeException e) {
      if (language == null && chooseLanguage != null) {
        return chooseLanguage.apply(Optional.of(Optional.empty()));
      }
      throw e;
    }
  }

  public Messages text() {
    return Messages.of(language());
  }

  /** A guest's language choice, carried in links because it is not stored; empty otherwise. */
  public Optional<UiLanguage> carriedLanguage() {
    return carriedLanguage;
  }
}
