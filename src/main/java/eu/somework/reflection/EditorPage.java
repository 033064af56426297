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
   * are the interface texts the editor's script shows (as data attributes, no inline script).
   */
  record View(UiLanguage language, Messages text, String title, String unitUrl, String blogUrl, String formAction,
      String autosaveUrl, String token, String draftHtml, boolean shared, String statusText, String savedText,
      WordState words, Notice notice, List<String> versions, String submitLabel, ReflectionTaskBox.View task,
      ScriptText scriptText) {}

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
            text.get("reflection.linkInvalid")));
    return Templates.render("reflection/editor.jte", view);
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
