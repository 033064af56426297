package eu.somework.content;

import eu.somework.launch.SessionResolver;
import eu.somework.launch.ToolSession;
import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/** One request to a module page: whose session, in which language, and how its links are made. */
record Visit(ToolSession session, UiLanguage language, AppLinks links) {

  static Visit of(SessionResolver sessions, LanguagePreferences languages, String token, String requestedLanguage,
      HttpHeaders headers) {
    ToolSession session = sessions.require(token, headers);
    UiLanguage language = languages.languageFor(session, requestedLanguage,
        headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    String linkToken = token == null || token.isBlank() ? sessions.token(session) : token;
    Optional<UiLanguage> carried = LanguagePreferences.canRemember(session)
        ? Optional.empty() : UiLanguage.fromTag(requestedLanguage);
    return new Visit(session, language, new AppLinks(linkToken, carried));
  }

  Messages text() {
    return Messages.of(language);
  }
}
