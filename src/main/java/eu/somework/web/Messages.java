package eu.somework.web;

import java.text.DateFormat;
import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Date;
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
 * of a launch's CPU, docs/benchmarks.md), with one number format per pattern instead of the one
 * {@link MessageFormat} makes for every plain {@code {0}} given a number (5 % of a launch's
 * allocations in the next profile).
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
    MessageFormat format = formats.computeIfAbsent(key, k -> parse(pattern));
    synchronized (format) {
      return format.format(args);
    }
  }

  private MessageFormat parse(String pattern) {
    MessageFormat format = new MessageFormat(pattern, formatLocale);
    Format[] elements = format.getFormats();
    for (int i = 0; i < elements.length; i++) {
      if (elements[i] == null) {
        format.setFormat(i, new PlainArgument(formatLocale));
      }
    }
    return format;
  }

  /**
   * What {@link MessageFormat} does for a plain {@code {n}} (a number in the locale's number format,
   * a date in its short date and time, anything else as its string), with the number and date formats
   * made once. Used only under its message's lock, like the message itself.
   */
  private static final class PlainArgument extends Format {
    private final Locale locale;
    private final NumberFormat numbers;
    private DateFormat dates;

    PlainArgument(Locale locale) {
      this.locale = locale;
      this.numbers = NumberFormat.getInstance(locale);
    }

    @Override
    public StringBuffer format(Object value, StringBuffer to, FieldPosition position) {
      if (value instanceof Number) {
        return numbers.format(value, to, position);
      }
      if (value instanceof Date) {
        if (dates == null) {
          dates = DateFormat.getDateTimeInstance(DateFormat.SHORT, DateFormat.SHORT, locale);
        }
        return dates.format(value, to, position);
      }
      return to.append(value);
    }

    @Override
    public Object parseObject(String source, ParsePosition position) {
      throw new UnsupportedOperationException("messages are only formatted");
    }
  }
}
