package eu.somework.module;

import eu.somework.access.RequestContext;
import eu.somework.session.ToolSession;
import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;

/** One request to a module page: whose session, in which language, and how its links are made. */
record Visit(ToolSession session, UiLanguage language, AppLinks links) {

  static Visit of(RequestContext context) {
    return new Visit(context.session(), context.language(),
        new AppLinks(context.sessionToken(), context.carriedLanguage()));
  }

  Messages text() {
    return Messages.of(language);
  }
}
