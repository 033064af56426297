package eu.somework.learner;

import eu.somework.web.UiLanguage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The interface language a learner picked, remembered per platform user across launches. */
@Entity
@Table(name = "language_preference")
@IdClass(LanguagePreference.Key.class)
public class LanguagePreference {
  @Id private String issuer;

  @Id
  @Column(name = "user_id")
  private String userId;

  private String language;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected LanguagePreference() {}

  LanguagePreference(Key key) {
    this.issuer = key.issuer;
    this.userId = key.userId;
  }

  void choose(UiLanguage chosen, Instant now) {
    this.language = chosen.code();
    this.updatedAt = now;
  }

  /** The stored choice, if it is still a language the tool offers. */
  Optional<UiLanguage> language() {
    return UiLanguage.fromTag(language);
  }

  /** Composite key: issuer and user. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String issuer;
    private String userId;

    public Key() {}

    Key(String issuer, String userId) {
      this.issuer = issuer;
      this.userId = userId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(issuer, k.issuer) && Objects.equals(userId, k.userId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(issuer, userId);
    }
  }
}
