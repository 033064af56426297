package eu.somework.module;

import eu.somework.content.Unit;
import eu.somework.progress.StudentProgress;

import eu.somework.session.ToolSession;
import eu.somework.web.Messages;
import eu.somework.web.Templates;
import eu.somework.web.UiLanguage;
import java.util.List;

/** The teacher's view ({@code module/progress.jte}): the course's students (rows) and the units (columns). */
final class ProgressPage {
  private ProgressPage() {}

  /** What the table shows; an empty {@code rows} says the course has no students yet. */
  record View(UiLanguage language, Messages text, String overviewUrl, String course, List<Column> columns,
      List<Row> rows, LanguageSwitcher.Form switcher) {}

  /** A unit's column heading, linking to the unit. */
  record Column(String url, String title) {}

  /** A student's name and their status with each unit, in column order. */
  record Row(String name, List<StatusBadge> statuses) {}

  static String render(ToolSession teacher, UiLanguage language, AppLinks links, List<Unit> units,
      List<StudentProgress> students) {
    Messages text = Messages.of(language);
    List<Column> columns = units.stream()
        .map(unit -> new Column(links.url(AppLinks.unit(unit.id())), unit.title(language))).toList();
    List<Row> rows = students.stream()
        .map(student -> new Row(student.displayName().orElseGet(() -> text.get("progress.unnamed", student.userId())),
            units.stream().map(unit -> StatusBadge.of(text, student.status(unit.id()), null)).toList()))
        .toList();
    View view = new View(language, text, links.url(AppLinks.OVERVIEW),
        teacher.contextTitle().orElse(teacher.contextId()), columns, rows,
        LanguageSwitcher.form(language, links, AppLinks.PROGRESS));
    return Templates.render("module/progress.jte", view);
  }
}
