package eu.somework.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The interface text of one language, from {@code i18n/messages_<lang>.properties}. */
public final class Messages {
  private final ResourceBundle bundle;
  private final UiLanguage language;

  private Messages(UiLanguage language) {
    this.language = language;
    this.bundle = ResourceBundle.getBundle("i18n.messages", language.locale(), Messages.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public static Messages of(UiLanguage language) {
    return new Messages(language);
  }

  public UiLanguage language() {
    return language;
  }

  /** The text for a key, with {0}-style arguments filled in; the key itself when missing. */
  public String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    // numbers in Western digits in every language: the module's texts (Arabic too) write them so
    return args.length == 0 ? pattern
        : new MessageFormat(pattern, Locale.forLanguageTag(language.code() + "-u-nu-latn")).format(args);
  }
}
