package eu.somework.learner;

import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import eu.somework.persistence.Transactor;
import eu.somework.web.UiLanguage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * Which language a request is served in: a language named in the request (how guests keep their
 * choice, since nothing is stored for them), else the learner's stored choice, else the launch
 * locale, then the browser's Accept-Language, then English.
 */
@ApplicationScoped
public class LanguagePreferences {
  @Inject Transactor tx;
  @Inject Clock clock;

  /** Preferences over a transactor opened outside the container (tests, command-line tools). */
  public static LanguagePreferences over(Transactor tx) {
    LanguagePreferences preferences = new LanguagePreferences();
    preferences.tx = tx;
    preferences.clock = Clock.systemUTC();
    return preferences;
  }

  /** Only a known platform user gets a stored preference; guests and anonymous launches carry it in links. */
  public static boolean canRemember(ToolSession session) {
    return !session.isAnonymous() && session.role() != ToolRole.GUEST;
  }

  public UiLanguage languageFor(ToolSession session, String requested, String acceptLanguage) {
    Optional<String> chosen = UiLanguage.fromTag(requested).map(UiLanguage::code)
        .or(() -> stored(session).map(UiLanguage::code));
    return UiLanguage.negotiate(chosen, session.locale(), acceptLanguage);
  }

  /**
   * The language for a request whose stored preference is already known ({@code stored}, read with
   * other data of the page): reads nothing.
   */
  public static UiLanguage languageFor(ToolSession session, String requested, String acceptLanguage,
      Optional<UiLanguage> stored) {
    Optional<String> chosen = UiLanguage.fromTag(requested).map(UiLanguage::code)
        .or(() -> stored.map(UiLanguage::code));
    return UiLanguage.negotiate(chosen, session.locale(), acceptLanguage);
  }

  public Optional<UiLanguage> stored(ToolSession session) {
    if (!canRemember(session)) {
      return Optional.empty();
    }
    LanguagePreference.Key key = new LanguagePreference.Key(session.issuer(), session.userId().orElseThrow());
    return tx.read(em -> Optional.ofNullable(em.find(LanguagePreference.class, key)))
        .flatMap(LanguagePreference::language);
  }

  /** Stores the choice; false (and nothing stored) for a user who cannot have one. */
  public boolean remember(ToolSession session, UiLanguage language) {
    if (!canRemember(session)) {
      return false;
    }
    LanguagePreference.Key key = new LanguagePreference.Key(session.issuer(), session.userId().orElseThrow());
    return tx.findOrInsert(LanguagePreference.class, key, () -> new LanguagePreference(key), (preference, created) -> {
      preference.choose(language, clock.instant());
      return true;
    });
  }
}
