package eu.somework.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The interface text bundles: the same keys in all five languages, each a usable pattern. */
class MessagesTest {

  static Properties bundle(UiLanguage language) throws IOException {
    String name = "/i18n/messages" + (language == UiLanguage.EN ? "" : "_" + language.code()) + ".properties";
    Properties properties = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream(name)) {
      assertTrue(in != null, name + " exists");
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @ParameterizedTest
  @EnumSource(UiLanguage.class)
  void everyBundleHasExactlyTheEnglishKeys(UiLanguage language) throws IOException {
    assertEquals(new TreeSet<>(bundle(UiLanguage.EN).stringPropertyNames()),
        new TreeSet<>(bundle(language).stringPropertyNames()));
  }

  @ParameterizedTest
  @EnumSource(UiLanguage.class)
  void everyTextIsTranslatedAndKeepsItsPlaceholders(UiLanguage language) throws IOException {
    Properties english = bundle(UiLanguage.EN);
    Properties translated = bundle(language);
    for (String key : english.stringPropertyNames()) {
      String text = translated.getProperty(key);
      assertFalse(text.isBlank(), key);
      assertEquals(placeholders(english.getProperty(key)), placeholders(text), language + " " + key);
      if (text.contains("{")) {
        // MessageFormat treats a lone apostrophe as quoting; it would swallow the placeholder
        String formatted = new MessageFormat(text, language.locale()).format(new Object[] {"§0", "§1"});
        assertTrue(formatted.contains("§0"), language + " " + key + " -> " + formatted);
      }
    }
  }

  @Test
  void aSharedMessageFormatsEachCallersOwnArgumentsWhenUsedFromManyThreads() throws Exception {
    Messages polish = Messages.of(UiLanguage.PL);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        int minutes = i % 1_000; // below the thousands, where Polish groups digits
        results.add(pool.submit(() -> polish.get("module.duration", minutes)));
      }
      for (int i = 0; i < results.size(); i++) {
        assertEquals("Czas: około " + (i % 1_000) + " min", results.get(i).get(), "call " + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The login rate limit's wait: "1 s" reads right in every language, where "1 seconds" did not. */
  @ParameterizedTest
  @EnumSource(UiLanguage.class)
  void theLoginRateLimitNamesItsWaitInSecondsWithoutAPluralForm(UiLanguage language) {
    String one = Messages.of(language).get("launch.refused.LOGIN_RATE_LIMITED", 1L);
    String many = Messages.of(language).get("launch.refused.LOGIN_RATE_LIMITED", 42L);
    assertTrue(one.contains(" 1 ") && many.contains(" 42 "), one + " / " + many);
    assertEquals(one.replace(" 1 ", " 42 "), many, "the sentence does not change with the number");
    assertFalse(one.contains("{0}") || one.contains("seconds"), one);
  }

  @ParameterizedTest
  @EnumSource(UiLanguage.class)
  void aNumberIsWrittenAsThePlainMessageFormatWritesItInWesternDigits(UiLanguage language) {
    Locale locale = Locale.forLanguageTag(language.code() + "-u-nu-latn");
    String pattern = Messages.of(language).get("module.duration");
    for (Object minutes : new Object[] {7, 1234567, 2.5, "12"}) {
      String formatted = Messages.of(language).get("module.duration", minutes);
      assertEquals(new MessageFormat(pattern, locale).format(new Object[] {minutes}), formatted);
      assertTrue(formatted.matches("(?s).*[0-9].*"), formatted);
    }
  }

  @Test
  void messagesAreReadAsUtf8InTheirLanguage() {
    assertEquals("Siirry sisältöön", Messages.of(UiLanguage.FI).get("page.skip"));
    assertEquals("انتقل إلى المحتوى", Messages.of(UiLanguage.AR).get("page.skip"));
    assertEquals("Czas: około 30 min", Messages.of(UiLanguage.PL).get("module.duration", 30));
  }

  private static TreeSet<String> placeholders(String text) {
    TreeSet<String> found = new TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\d+").matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
