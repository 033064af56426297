package eu.somework.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the tool's interface and content, and how a request's language is chosen:
 * the learner's own choice, then the launch locale ({@code fi-FI}, {@code pl_PL}, {@code ar}),
 * then the browser's Accept-Language, then English.
 */
public enum UiLanguage {
  EN("English", false),
  FI("Suomi", false),
  LV("Latviešu", false),
  PL("Polski", false),
  AR("العربية", true);

  private final String nativeName;
  private final boolean rightToLeft;

  UiLanguage(String nativeName, boolean rightToLeft) {
    this.nativeName = nativeName;
    this.rightToLeft = rightToLeft;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String nativeName() {
    return nativeName;
  }

  public String dir() {
    return rightToLeft ? "rtl" : "ltr";
  }

  public Locale locale() {
    return Locale.forLanguageTag(code());
  }

  /** The language whose code is exactly {@code code} ("fi", not "fi-FI"). */
  public static Optional<UiLanguage> ofCode(String code) {
    return all().stream().filter(l -> l.code().equals(code)).findFirst();
  }

  /** The supported language of a locale tag in any common form, if there is one. */
  public static Optional<UiLanguage> fromTag(String tag) {
    if (tag == null || tag.isBlank()) {
      return Optional.empty();
    }
    String primary = tag.trim().replace('_', '-').split("-")[0].toLowerCase(Locale.ROOT);
    for (UiLanguage language : values()) {
      if (language.code().equals(primary)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }

  /** The first supported language in an Accept-Language header, by quality. */
  public static Optional<UiLanguage> fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        Optional<UiLanguage> match = fromTag(range.getRange());
        if (match.isPresent() && range.getWeight() > 0) {
          return match;
        }
      }
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  public static UiLanguage negotiate(Optional<String> chosen, Optional<String> launchLocale, String acceptLanguage) {
    return chosen.flatMap(UiLanguage::fromTag)
        .or(() -> launchLocale.flatMap(UiLanguage::fromTag))
        .or(() -> fromAcceptLanguage(acceptLanguage))
        .orElse(EN);
  }

  public static List<UiLanguage> all() {
    return List.of(values());
  }
}
