package eu.somework.content;

import eu.somework.web.Html;
import eu.somework.web.Messages;
import eu.somework.web.Page;
import eu.somework.web.UiLanguage;
import java.util.Optional;

/**
 * One unit: its title (the page's only h1), duration, learning outcomes, the text with its
 * self-check, then the reflection task with its rubric. When the unit lacks the learner's language
 * the page says so and marks the English text as English, so screen readers pronounce it right.
 */
final class UnitPage {
  private UnitPage() {}

  static String render(Unit unit, UiLanguage language, AppLinks links, Optional<ProgressStatus> status) {
    Messages text = Messages.of(language);
    UiLanguage served = unit.servedLanguage(language);
    StringBuilder main = new StringBuilder();
    main.append("<nav class=\"crumbs\" aria-label=\"").append(Html.escape(text.get("nav.label"))).append("\"><a href=\"")
        .append(links.href(AppLinks.OVERVIEW)).append("\">").append(Html.escape(text.get("nav.overview")))
        .append("</a></nav>");
    if (served != language) {
      main.append("<p class=\"notice\" role=\"note\">").append(Html.escape(text.get("unit.fallback"))).append("</p>");
    }
    main.append("<article class=\"unit\" data-unit=\"").append(Html.escape(unit.id())).append('"');
    if (served != language) {
      main.append(" lang=\"").append(served.code()).append("\" dir=\"").append(served.dir()).append('"');
    }
    main.append("><h1>").append(Html.escape(unit.title(language))).append("</h1>")
        .append("<p class=\"meta\" lang=\"").append(language.code()).append("\" dir=\"").append(language.dir())
        .append("\"><span>").append(Html.escape(text.get("module.duration", unit.estimatedMinutes()))).append("</span>");
    status.ifPresent(s -> main.append(" ").append(ModulePage.statusBadge(text, s, "module.yourStatus")));
    main.append("</p>");
    main.append("<section class=\"outcomes\" aria-labelledby=\"outcomes\"><h2 id=\"outcomes\"")
        .append(uiLanguage(language, served)).append('>').append(Html.escape(text.get("unit.outcomes")))
        .append("</h2><ul>");
    unit.learningOutcomes(language).forEach(o -> main.append("<li>").append(Html.escape(o)).append("</li>"));
    main.append("</ul></section>");
    main.append("<div class=\"unit-text\">").append(unit.html(language)).append("</div>");
    main.append(ReflectionTaskBox.html(unit, language, served, text));
    main.append("</article>");
    return Page.render(language, unit.title(language), LanguageSwitcher.html(language, links, AppLinks.unit(unit.id())),
        main.toString());
  }

  /** Interface text inside an article in another language is marked with the interface's language. */
  static String uiLanguage(UiLanguage language, UiLanguage served) {
    return served == language ? "" : " lang=\"" + language.code() + "\" dir=\"" + language.dir() + "\"";
  }
}
