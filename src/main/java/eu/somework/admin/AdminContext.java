package eu.somework.admin;

import eu.somework.session.AdminSessionTokens.AdminSession;
import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * What the access filter established for a console request: the signed-in administrator's
 * session (for the CSRF token of the page's forms) and the page's language (the browser's).
 */
@RequestScoped
public class AdminContext {
  private AdminSession session;
  private UiLanguage language = UiLanguage.EN;
  private AdminAudit.Channel channel = AdminAudit.Channel.API;

  void establish(AdminSession session, UiLanguage language) {
    this.session = session;
    this.language = language;
    this.channel = AdminAudit.Channel.CONSOLE;
  }

  /** An API request, from the command line or not. */
  void establishApi(AdminAudit.Channel channel) {
    this.channel = channel;
  }

  /** How the administrator of this request came: console, API or command line. */
  AdminAudit.Channel channel() {
    return channel;
  }

  /** The console session; empty for an API request (Bearer token). */
  public Optional<AdminSession> session() {
    return Optional.ofNullable(session);
  }

  /** The CSRF token the page's forms carry ({@code csrf}). */
  String csrfToken() {
    return session().map(AdminSession::csrfToken).orElse("");
  }

  UiLanguage language() {
    return language;
  }

  Messages text() {
    return Messages.of(language);
  }
}
