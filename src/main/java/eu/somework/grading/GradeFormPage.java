package eu.somework.grading;

import eu.somework.content.ReflectionTask;
import eu.somework.content.RubricCriterion;
import eu.somework.content.RubricLevel;
import eu.somework.reflection.Reflections;
import eu.somework.web.Messages;
import eu.somework.web.Templates;
import eu.somework.web.UiLanguage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One student's reflection and the teacher's marking form ({@code grading/form.jte}): the
 * submitted versions (the latest shown, earlier ones folded, the graded one named), the rubric as
 * one labelled radio group per criterion with a comment each, feedback for the student, a private
 * note, the total, Save draft and Release. A refused marking comes back with the teacher's input.
 */
final class GradeFormPage {
  private GradeFormPage() {}

  /** What the page shows; {@code error} is the refusal's reason (null: none). */
  record View(UiLanguage language, Messages text, String title, String listUrl, String action, String token,
      Notice notice, String statusText, List<Version> versions, String versionId, List<Criterion> criteria,
      String feedback, String note, String total, int maxPoints, boolean canMark, Check check) {}

  /**
   * What the check of the gradebook before a release found (null in {@link View}: nothing to say).
   * {@code kind} is warning (changed in the LMS: releasing needs {@code confirmLabel}'s checkbox),
   * unreadable or not-offered; {@code confirmed} keeps the teacher's tick.
   */
  record Check(String kind, String text, String confirmLabel, boolean confirmed) {
    boolean needsConfirmation() {
      return confirmLabel != null;
    }
  }

  /** The words for a verdict of {@link GradebookCheck}; null when there is nothing to say. */
  static Check check(Messages text, GradebookCheck.Verdict verdict, boolean confirmed) {
    if (verdict instanceof GradebookCheck.Verdict.Changed changed) {
      String sent = points(text, changed.sent());
      String at = GradingPage.TIME.format(changed.sentAt());
      String said = changed.held().isPresent()
          ? text.get("grading.check.changed", points(text, changed.held().get()), sent, at)
          : text.get("grading.check.changedNone", sent, at);
      return new Check("warning", said, text.get("grading.check.confirm"), confirmed);
    }
    if (verdict instanceof GradebookCheck.Verdict.Unreadable unreadable) {
      return new Check("unreadable", text.get("grading.check.unreadable", unreadable.reason()), null, false);
    }
    if (verdict instanceof GradebookCheck.Verdict.NotOffered) {
      return new Check("not-offered", text.get("grading.check.notOffered"), null, false);
    }
    return null;
  }

  static String points(Messages text, GradebookCheck.Points points) {
    return text.get("grading.check.points", Points.format(points.given()), Points.format(points.maximum()));
  }

  /** A message above the form: {@code kind} is ok or error (an error is announced at once). */
  record Notice(String kind, String text) {}

  /** A submitted version: heading, its sanitised HTML, and whether it is the graded one. */
  record Version(String heading, String versionId, String html, boolean graded, boolean latest) {}

  /** One rubric criterion as a radio group; {@code field} and {@code commentField} are the form's names. */
  record Criterion(String id, String name, String field, String commentField, String comment, List<Level> levels) {}

  /** One level: its points, the label ("2 points") and description, whether it is chosen. */
  record Level(int points, String label, String description, boolean checked, String inputId) {}

  /**
   * What the teacher entered or last saved: the version, points per criterion id (absent: not
   * chosen), comments per criterion id, feedback and note.
   */
  record Input(String versionId, Map<String, Integer> points, Map<String, String> comments, String feedback,
      String note) {
    static Input of(Grade.View grade) {
      Map<String, Integer> points = new HashMap<>();
      Map<String, String> comments = new HashMap<>();
      for (CriterionMark mark : grade.marks()) {
        points.put(mark.criterionId(), mark.points());
        mark.comment().ifPresent(c -> comments.put(mark.criterionId(), c));
      }
      return new Input(grade.versionId(), points, comments, grade.feedback().orElse(""),
          grade.teacherNote().orElse(""));
    }

    static Input empty(String versionId) {
      return new Input(versionId, Map.of(), Map.of(), "", "");
    }

    /** The marking this input asks for; criteria without a chosen level are left out (the check names them). */
    Marking marking() {
      List<CriterionMark> marks = new ArrayList<>();
      points.forEach((id, p) -> marks.add(new CriterionMark(id, p, Optional.ofNullable(comments.get(id)))));
      return new Marking(versionId, marks, Optional.ofNullable(feedback), Optional.ofNullable(note));
    }
  }

  static final String POINTS_FIELD = "points.";
  static final String COMMENT_FIELD = "comment.";

  static View view(UiLanguage language, String studentName, String unitTitle, GradingLinks links, String userId,
      ReflectionTask task, List<Reflections.VersionText> versions, Optional<Grade.View> saved, Input input,
      String statusText, Optional<Notice> notice) {
    return view(language, studentName, unitTitle, links, userId, task, versions, saved, input, statusText, notice,
        new GradebookCheck.Verdict.NothingSent(), false);
  }

  /** The page with what the check of the gradebook found, and whether the teacher ticked "overwrite". */
  static View view(UiLanguage language, String studentName, String unitTitle, GradingLinks links, String userId,
      ReflectionTask task, List<Reflections.VersionText> versions, Optional<Grade.View> saved, Input input,
      String statusText, Optional<Notice> notice, GradebookCheck.Verdict verdict, boolean confirmed) {
    Messages text = Messages.of(language);
    String gradedId = saved.map(Grade.View::versionId).orElse(null);
    String latestId = versions.isEmpty() ? null : versions.get(versions.size() - 1).version().versionId();
    List<Version> shown = new ArrayList<>();
    for (int i = versions.size() - 1; i >= 0; i--) { // newest first
      Reflections.VersionText v = versions.get(i);
      String id = v.version().versionId();
      shown.add(new Version(text.get("grading.version", v.version().number(),
          GradingPage.TIME.format(v.version().submittedAt()), v.version().words()), id, v.text().html(),
          id.equals(gradedId), id.equals(latestId)));
    }
    List<Criterion> criteria = new ArrayList<>();
    int total = 0;
    for (RubricCriterion c : task.criteria()) {
      Integer chosen = input.points().get(c.id());
      if (chosen != null) {
        total += chosen;
      }
      List<Level> levels = new ArrayList<>();
      int n = 0;
      for (RubricLevel level : c.levels()) {
        levels.add(new Level(level.points(), text.get("grading.levelPoints", level.points()), level.description(),
            chosen != null && chosen == level.points(), "c-" + c.id() + "-" + n++));
      }
      criteria.add(new Criterion(c.id(), c.name(), POINTS_FIELD + c.id(), COMMENT_FIELD + c.id(),
          input.comments().getOrDefault(c.id(), ""), levels));
    }
    String version = input.versionId() == null ? (latestId == null ? "" : latestId) : input.versionId();
    return new View(language, text, text.get("grading.formTitle", studentName, unitTitle), links.listUrl(),
        links.studentPath(userId), links.token(), notice.orElse(null), statusText, shown, version, criteria,
        input.feedback(), input.note(), text.get("grading.points", total, task.maxPoints()), task.maxPoints(),
        latestId != null, check(text, verdict, confirmed));
  }

  static String render(View view) {
    return Templates.render("grading/form.jte", view);
  }
}
