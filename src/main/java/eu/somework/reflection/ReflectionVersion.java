package eu.somework.reflection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One submitted version of a reflection, never changed once written: its number (1, 2, … per
 * reflection), the sanitised HTML, its word count and when it was submitted. Its id is what a
 * grade refers to.
 */
@Entity
@Table(name = "reflection_version")
public class ReflectionVersion {
  @Id private String id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "reflection_id")
  private Reflection reflection;

  @Column(name = "version_number")
  private int number;

  private String html;

  @Column(name = "word_count")
  private int words;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  protected ReflectionVersion() {}

  ReflectionVersion(Reflection reflection, int number, ReflectionHtml text, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.reflection = reflection;
    this.number = number;
    this.html = text.html();
    this.words = text.words();
    this.submittedAt = now;
  }

  String id() {
    return id;
  }

  Reflection reflection() {
    return reflection;
  }

  int number() {
    return number;
  }

  /** The stored HTML as it is (for comparing); pages use {@link #text()}. */
  String html() {
    return html;
  }

  /** The text, sanitised again on the way out. */
  ReflectionHtml text() {
    return ReflectionHtml.fromStorage(html);
  }

  int words() {
    return words;
  }

  Instant submittedAt() {
    return submittedAt;
  }
}
