package eu.somework.module;

import eu.somework.content.ReflectionTaskBox;
import eu.somework.content.Unit;
import eu.somework.progress.ProgressStatus;

import eu.somework.web.Messages;
import eu.somework.web.Templates;
import eu.somework.web.UiLanguage;
import java.util.List;
import java.util.Optional;

/**
 * One unit ({@code module/unit.jte}): its title (the page's only h1), duration, learning outcomes,
 * the text with its self-check, then the reflection task with its rubric. When the unit lacks the
 * learner's language the page says so and marks the English text as English, so screen readers
 * pronounce it right.
 */
final class UnitPage {
  private UnitPage() {}

  /**
   * What the unit page shows. {@code unitLang}/{@code unitDir} mark the article when it is in another
   * language than the page, and {@code uiLang}/{@code uiDir} then mark the interface's text inside
   * it (all null otherwise). {@code body} is the unit's HTML as commonmark rendered it from the
   * module's Markdown: already safe, written unescaped.
   */
  record View(UiLanguage language, Messages text, String overviewUrl, boolean fallback, String unitId, String title,
      String unitLang, String unitDir, String uiLang, String uiDir, String duration, StatusBadge status,
      List<String> outcomes, String body, ReflectionTaskBox.View task, LanguageSwitcher.Form switcher,
      ReflectionLink reflection) {}

  /** The link under the task to the unit's reflection: the editor for a student, the list for a teacher. */
  record ReflectionLink(String url, String label) {}

  static String render(Unit unit, UiLanguage language, AppLinks links, Optional<ProgressStatus> status) {
    return render(unit, language, links, status, Optional.empty());
  }

  /**
   * The page with a link to the unit's reflection under the task.
   *
   * @param reflectionLabel message key of the link's text (empty: no link, e.g. for a guest)
   */
  static String render(Unit unit, UiLanguage language, AppLinks links, Optional<ProgressStatus> status,
      Optional<String> reflectionLabel) {
    Messages text = Messages.of(language);
    UiLanguage served = unit.servedLanguage(language);
    boolean other = served != language;
    View view = new View(language, text, links.url(AppLinks.OVERVIEW), other, unit.id(), unit.title(language),
        other ? served.code() : null, other ? served.dir() : null,
        other ? language.code() : null, other ? language.dir() : null,
        text.get("module.duration", unit.estimatedMinutes()),
        status.map(s -> StatusBadge.of(text, s, "module.yourStatus")).orElse(null),
        unit.learningOutcomes(language), unit.html(language),
        ReflectionTaskBox.view(unit, language, served, text),
        LanguageSwitcher.form(language, links, AppLinks.unit(unit.id())),
        reflectionLabel.map(key -> new ReflectionLink(links.url(AppLinks.unit(unit.id()) + "/reflection"), text.get(key)))
            .orElse(null));
    return Templates.render("module/unit.jte", view);
  }
}
