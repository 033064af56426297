package eu.somework.content;

import eu.somework.web.Html;
import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;

/**
 * The reflection task under a unit: the prompt, what a good reflection contains, and the rubric as
 * a table (criteria as rows, levels as columns) that scrolls sideways on a narrow screen, with the
 * unit's rule for revising a reflection above it.
 */
final class ReflectionTaskBox {
  private ReflectionTaskBox() {}

  static String html(Unit unit, UiLanguage language, UiLanguage served, Messages text) {
    ReflectionTask task = unit.reflection(language);
    String ui = UnitPage.uiLanguage(language, served);
    StringBuilder out = new StringBuilder("<section class=\"task\" aria-labelledby=\"task\">")
        .append("<h2 id=\"task\"").append(ui).append('>').append(Html.escape(text.get("task.title"))).append("</h2>")
        .append("<p>").append(Html.escape(task.prompt())).append("</p>")
        .append("<h3").append(ui).append('>').append(Html.escape(text.get("task.guidance"))).append("</h3><ul>");
    task.guidance().forEach(g -> out.append("<li>").append(Html.escape(g)).append("</li>"));
    out.append("</ul><h3").append(ui).append('>').append(Html.escape(text.get("task.rubric"))).append("</h3>")
        .append("<p class=\"meta\"").append(ui).append('>')
        .append(Html.escape(text.get("task.maxPoints", unit.maxPoints()))).append("</p>");
    task.revisionRule().ifPresent(rule -> out.append("<p class=\"revision-rule\">").append(Html.escape(rule)).append("</p>"));
    int columns = task.criteria().stream().mapToInt(c -> c.levels().size()).max().orElse(0);
    // the wrapper scrolls sideways on narrow screens: focusable and named, so keyboards can scroll it
    out.append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"")
        .append(Html.escape(text.get("task.rubric"))).append("\"").append(ui).append('>')
        .append("<table class=\"rubric\"><caption").append(ui).append('>')
        .append(Html.escape(text.get("task.rubric"))).append("</caption><thead><tr><th scope=\"col\"").append(ui)
        .append('>').append(Html.escape(text.get("task.criterion"))).append("</th>");
    for (int level = 1; level <= columns; level++) {
      out.append("<th scope=\"col\"").append(ui).append('>').append(Html.escape(text.get("task.level", level)))
          .append("</th>");
    }
    out.append("</tr></thead><tbody>");
    for (RubricCriterion criterion : task.criteria()) {
      out.append("<tr><th scope=\"row\">").append(Html.escape(criterion.name())).append("</th>");
      for (int i = 0; i < columns; i++) {
        out.append("<td>");
        if (i < criterion.levels().size()) {
          RubricLevel level = criterion.levels().get(i);
          out.append("<strong class=\"points\"").append(ui).append('>')
              .append(Html.escape(text.get("task.points", level.points()))).append("</strong> ")
              .append(Html.escape(level.description()));
        }
        out.append("</td>");
      }
      out.append("</tr>");
    }
    return out.append("</tbody></table></div></section>").toString();
  }
}
