package eu.somework.reflection;

import eu.somework.content.ReflectionTaskBox;
import eu.somework.content.Unit;
import eu.somework.content.WordRange;
import eu.somework.web.Messages;
import eu.somework.web.Templates;
import eu.somework.web.UiLanguage;
import java.util.List;
import java.util.Optional;

/**
 * A student's reflection editor ({@code reflection/editor.jte}): the formatted-text editor with its
 * toolbar, the live word count against the unit's range, the visibility choice, Save and Submit,
 * the submitted versions, and beside it the task and rubric. Without JavaScript the same form
 * posts a plain text field.
 */
final class EditorPage {
  private EditorPage() {}

  /**
   * What the editor shows. {@code draftHtml} is sanitised ({@link ReflectionHtml}) and written
   * unescaped into the editor; the same text goes escaped into the plain field. {@code scriptText}
   * are the interface texts the editor's script shows (as data attributes, no inline script);
   * {@code draftVersion} is the stored draft's version the script's saves are based on.
   */
  record View(UiLanguage language, Messages text, String title, String unitUrl, String blogUrl, String formAction,
      String autosaveUrl, String token, String draftHtml, boolean shared, String statusText, String savedText,
      WordState words, Notice notice, List<String> versions, String submitLabel, ReflectionTaskBox.View task,
      ScriptText scriptText, GradeBox grade, long draftVersion) {}

  /**
   * The released grade as the student sees it (null: none released). Texts are ready to print;
   * {@code gradebook} says whether the LMS has it (empty when the course has no gradebook column).
   */
  record GradeBox(String total, String givenFor, List<CriterionLine> criteria, String feedback, String gradebook) {}

  /** One criterion's name, its points as text, and the teacher's comment (empty when none). */
  record CriterionLine(String name, String points, String comment) {}

  /** A message above the form: {@code kind} is ok, warn or error (an error is announced at once). */
  record Notice(String kind, String text) {}

  /** The word count as the page first shows it; the script keeps it current. */
  record WordState(int count, String countText, Integer min, Integer max, String rangeText, String state,
      String stateText) {}

  /** Texts the script needs, with {0} where it puts a number or reason. */
  record ScriptText(String words, String tooShort, String tooLong, String inRange, String saving, String saved,
      String notSaved, String offline, String linkInvalid) {}

  static String render(Unit unit, UiLanguage language, Links links, Reflections.MyReflection mine,
      Optional<Notice> notice) {
    return render(unit, language, links, mine, notice, Optional.empty());
  }

  /** The editor with the student's released grade, if there is one, above the form. */
  static String render(Unit unit, UiLanguage language, Links links, Reflections.MyReflection mine,
      Optional<Notice> notice, Optional<ReleasedGrades.ReleasedGrade> released) {
    Messages text = Messages.of(language);
    Optional<WordRange> range = unit.reflection(language).words();
    boolean revising = mine.status() == ReflectionStatus.DRAFT && !mine.versions().isEmpty();
    String status = revising ? text.get("reflection.revising", mine.versions().size() + 1)
        : text.get("reflection.status." + mine.status().name());
    View view = new View(language, text, text.get("reflection.title", unit.title(language)),
        links.url(Links.unit(unit.id())), links.url(Links.BLOG), Links.editor(unit.id()), Links.draft(unit.id()),
        links.token(), mine.draft().html(), mine.visibility() == Visibility.SHARED, status,
        mine.savedAt().map(t -> text.get("reflection.savedAt", Times.format(t))).orElse(""),
        words(text, mine.draft().words(), range), notice.orElse(null),
        mine.versions().stream().map(v -> text.get("reflection.version", v.number(), Times.format(v.submittedAt()),
            v.words())).toList(),
        text.get(mine.versions().isEmpty() ? "reflection.submit" : "reflection.resubmit"),
        ReflectionTaskBox.view(unit, language, unit.servedLanguage(language), text),
        new ScriptText(text.get("reflection.words", "{0}"), text.get("reflection.tooShort", "{0}"),
            text.get("reflection.tooLong", "{0}"), text.get("reflection.inRange"), text.get("reflection.saving"),
            text.get("reflection.saved"), text.get("reflection.notSaved", "{0}"), text.get("reflection.offline"),
            text.get("reflection.linkInvalid")),
        released.map(g -> gradeBox(text, g)).orElse(null), mine.version());
    return Templates.render("reflection/editor.jte", view);
  }

  static GradeBox gradeBox(Messages text, ReleasedGrades.ReleasedGrade grade) {
    List<CriterionLine> lines = grade.criteria().stream().map(c -> new CriterionLine(c.name(),
        text.get("reflection.grade.points", c.points(), c.maxPoints()), c.comment().orElse(""))).toList();
    String givenFor = grade.versionNumber().map(n -> text.get("reflection.grade.givenFor", n,
        Times.format(grade.releasedAt()))).orElse(text.get("reflection.grade.released", Times.format(grade.releasedAt())));
    return new GradeBox(text.get("reflection.grade.total", points(grade.total()), points(grade.maximum())), givenFor,
        lines, grade.feedback().orElse(""),
        grade.gradebook().map(state -> text.get("reflection.grade.gradebook." + state)).orElse(""));
  }

  /** Whole points without a decimal part (rubric points are whole numbers). */
  private static String points(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  /** The count and how it stands against the task's range (no range: state "none"). */
  static WordState words(Messages text, int count, Optional<WordRange> range) {
    String countText = text.get("reflection.words", count);
    if (range.isEmpty()) {
      return new WordState(count, countText, null, null, "", "none", "");
    }
    WordRange r = range.get();
    String state = count < r.min() ? "short" : count > r.max() ? "long" : "in";
    String stateText = switch (state) {
      case "short" -> text.get("reflection.tooShort", r.min());
      case "long" -> text.get("reflection.tooLong", r.max());
      default -> text.get("reflection.inRange");
    };
    return new WordState(count, countText, r.min(), r.max(), text.get("reflection.range", r.min(), r.max()), state,
        stateText);
  }
}
