package eu.somework.module;

import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;
import java.util.List;

/**
 * The language menu in every page's header ({@code module/languageSwitcher.jte}): a plain form,
 * so it works with the keyboard and without script. Each language is named in itself, marked with
 * its own {@code lang}.
 */
final class LanguageSwitcher {
  private LanguageSwitcher() {}

  /** What the menu shows: where it posts, the session and the page to return to, the choices. */
  record Form(String action, String token, String returnPath, Messages text, UiLanguage current,
      List<UiLanguage> languages) {}

  static Form form(UiLanguage current, AppLinks links, String returnPath) {
    return new Form(AppLinks.LANGUAGE, links.token(), returnPath, Messages.of(current), current, UiLanguage.all());
  }
}
