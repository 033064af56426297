package eu.somework.content;

import eu.somework.session.ToolSession;
import eu.somework.web.Html;
import eu.somework.web.Messages;
import eu.somework.web.Page;
import eu.somework.web.UiLanguage;
import java.util.List;

/** The teacher's view: a table of the course's students (rows) and the units (columns). */
final class ProgressPage {
  private ProgressPage() {}

  static String render(ToolSession teacher, UiLanguage language, AppLinks links, List<Unit> units,
      List<StudentProgress> students) {
    Messages text = Messages.of(language);
    StringBuilder main = new StringBuilder();
    main.append("<nav class=\"crumbs\" aria-label=\"").append(Html.escape(text.get("nav.label"))).append("\"><a href=\"")
        .append(links.href(AppLinks.OVERVIEW)).append("\">").append(Html.escape(text.get("nav.overview")))
        .append("</a></nav>")
        .append("<h1>").append(Html.escape(text.get("progress.title"))).append("</h1>")
        .append("<p class=\"meta\">").append(Html.escape(teacher.contextTitle().orElse(teacher.contextId())))
        .append("</p>");
    if (students.isEmpty()) {
      main.append("<p>").append(Html.escape(text.get("progress.empty"))).append("</p>");
    } else {
      main.append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"")
          .append(Html.escape(text.get("progress.caption"))).append("\"><table class=\"progress\"><caption>")
          .append(Html.escape(text.get("progress.caption"))).append("</caption><thead><tr><th scope=\"col\">")
          .append(Html.escape(text.get("progress.student"))).append("</th>");
      for (Unit unit : units) {
        main.append("<th scope=\"col\"><a href=\"").append(links.href(AppLinks.unit(unit.id()))).append("\">")
            .append(Html.escape(unit.title(language))).append("</a></th>");
      }
      main.append("</tr></thead><tbody>");
      for (StudentProgress student : students) {
        String name = student.displayName().orElseGet(() -> text.get("progress.unnamed", student.userId()));
        main.append("<tr><th scope=\"row\">").append(Html.escape(name)).append("</th>");
        for (Unit unit : units) {
          main.append("<td>").append(ModulePage.statusBadge(text, student.status(unit.id()), null)).append("</td>");
        }
        main.append("</tr>");
      }
      main.append("</tbody></table></div>");
    }
    return Page.render(language, text.get("progress.title"), LanguageSwitcher.html(language, links, AppLinks.PROGRESS),
        main.toString());
  }
}
