package eu.somework.web;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The interface text of one language, from {@code i18n/messages_<lang>.properties}. One instance per
 * language, shared by every request: the bundle is loaded once and each message with arguments is
 * parsed once (the launch profile showed the per-request bundle lookup and pattern parsing at ≈ 3 %
 * of a launch's CPU, docs/benchmarks.md).
 */
public final class Messages {
  private static final Map<UiLanguage, Messages> BY_LANGUAGE = new EnumMap<>(UiLanguage.class);

  static {
    for (UiLanguage language : UiLanguage.values()) {
      BY_LANGUAGE.put(language, new Messages(language));
    }
  }

  private final ResourceBundle bundle;
  private final UiLanguage language;
  // numbers in Western digits in every language: the module's texts (Arabic too) write them so
  private final Locale formatLocale;
  /** Parsed patterns by key; a MessageFormat is not thread-safe, so each is used under its own lock. */
  private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

  private Messages(UiLanguage language) {
    this.language = language;
    this.bundle = ResourceBundle.getBundle("i18n.messages", language.locale(), Messages.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.formatLocale = Locale.forLanguageTag(language.code() + "-u-nu-latn");
  }

  /** The messages of {@code language} (the same instance on every call). */
  public static Messages of(UiLanguage language) {
    return BY_LANGUAGE.get(language);
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
    if (args.length == 0) {
      return pattern;
    }
    MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(pattern, formatLocale));
    synchronized (format) {
      return format.format(args);
    }
  }
}
