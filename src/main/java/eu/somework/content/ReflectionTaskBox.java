package eu.somework.content;

import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;
import java.util.ArrayList;
import java.util.List;

/**
 * The reflection task under a unit ({@code content/reflectionTask.jte}): the prompt, what a good
 * reflection contains, and the rubric as a table (criteria as rows, levels as columns) that
 * scrolls sideways on a narrow screen, with the unit's rule for revising a reflection above it.
 */
public final class ReflectionTaskBox {
  private ReflectionTaskBox() {}

  /**
   * What the box shows. {@code uiLang}/{@code uiDir} mark the interface's own text when the unit is
   * in another language (null otherwise); {@code levels} are the column headings.
   */
  public record View(ReflectionTask task, Messages text, int maxPoints, String uiLang, String uiDir, List<String> levels,
      List<Row> rows) {}

  /** A criterion and one cell per level column; a cell is null where the criterion has fewer levels. */
  public record Row(String criterion, List<Cell> cells) {}

  /** A rubric level: its points, as the interface says them, and what earns them. */
  public record Cell(String points, String description) {}

  /** The box for {@code unit}'s task in {@code language}, its interface text in {@code served}. */
  public static View view(Unit unit, UiLanguage language, UiLanguage served, Messages text) {
    ReflectionTask task = unit.reflection(language);
    int columns = task.criteria().stream().mapToInt(c -> c.levels().size()).max().orElse(0);
    List<String> levels = new ArrayList<>();
    for (int level = 1; level <= columns; level++) {
      levels.add(text.get("task.level", level));
    }
    List<Row> rows = new ArrayList<>();
    for (RubricCriterion criterion : task.criteria()) {
      List<Cell> cells = new ArrayList<>();
      for (int i = 0; i < columns; i++) {
        RubricLevel level = i < criterion.levels().size() ? criterion.levels().get(i) : null;
        cells.add(level == null ? null : new Cell(text.get("task.points", level.points()), level.description()));
      }
      rows.add(new Row(criterion.name(), cells));
    }
    boolean other = served != language;
    return new View(task, text, unit.maxPoints(), other ? language.code() : null, other ? language.dir() : null,
        levels, rows);
  }
}
