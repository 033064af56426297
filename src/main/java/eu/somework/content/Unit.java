package eu.somework.content;

import eu.somework.web.UiLanguage;
import java.util.List;
import java.util.Map;

/**
 * A validated unit of the module, ready to serve: its metadata, its texts and its rendered HTML
 * in every language it declares. Immutable. Asked for a language it lacks, it answers in English,
 * which every unit must have (see {@link #servedLanguage}).
 */
public final class Unit {
  private final String id;
  private final int order;
  private final int estimatedMinutes;
  private final int maxPoints;
  private final List<UiLanguage> languages;
  private final Map<UiLanguage, UnitText> texts;
  private final Map<UiLanguage, String> html;

  /**
   * A unit as the loader builds it; {@code html} holds each language's body already rendered and
   * sanitised (public for tests that need a unit with chosen text).
   */
  public Unit(String id, int order, int estimatedMinutes, int maxPoints, List<UiLanguage> languages,
      Map<UiLanguage, UnitText> texts, Map<UiLanguage, String> html) {
    this.id = id;
    this.order = order;
    this.estimatedMinutes = estimatedMinutes;
    this.maxPoints = maxPoints;
    this.languages = List.copyOf(languages);
    this.texts = Map.copyOf(texts);
    this.html = Map.copyOf(html);
  }

  public String id() {
    return id;
  }

  public int order() {
    return order;
  }

  public int estimatedMinutes() {
    return estimatedMinutes;
  }

  /** The reflection's maximum score: the sum of each rubric criterion's top level. */
  public int maxPoints() {
    return maxPoints;
  }

  public List<UiLanguage> languages() {
    return languages;
  }

  /** The language this unit is shown in for a learner who wants {@code wanted}: it, or English. */
  public UiLanguage servedLanguage(UiLanguage wanted) {
    return languages.contains(wanted) ? wanted : UiLanguage.EN;
  }

  public boolean isAvailableIn(UiLanguage language) {
    return languages.contains(language);
  }

  public UnitText text(UiLanguage wanted) {
    return texts.get(servedLanguage(wanted));
  }

  public String title(UiLanguage wanted) {
    return text(wanted).title();
  }

  public String summary(UiLanguage wanted) {
    return text(wanted).summary();
  }

  public List<String> learningOutcomes(UiLanguage wanted) {
    return text(wanted).learningOutcomes();
  }

  public ReflectionTask reflection(UiLanguage wanted) {
    return text(wanted).reflection();
  }

  /**
   * The unit's text below its title as sanitised HTML (raw HTML escaped, only https and the unit's
   * own files linked, self-checks as {@code <details>}), rendered once when the unit was loaded.
   * The title itself is left to the page, which shows it as the page's only h1.
   */
  public String html(UiLanguage wanted) {
    return html.get(servedLanguage(wanted));
  }

  @Override
  public String toString() {
    return "Unit[" + id + "]";
  }
}
