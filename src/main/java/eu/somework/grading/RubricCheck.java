package eu.somework.grading;

import eu.somework.content.ReflectionTask;
import eu.somework.content.RubricCriterion;
import eu.somework.content.RubricLevel;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks a marking against a unit's rubric: one mark per criterion, each the points of one of its levels. */
final class RubricCheck {
  private RubricCheck() {}

  /**
   * @throws MarkingRefused {@code grading.error.version} without a version,
   *     {@code grading.error.criterion} for a missing, unknown or repeated criterion,
   *     {@code grading.error.points} for points that are no level of the criterion,
   *     {@code grading.error.tooLong} for feedback or a note over its limit
   */
  static void check(Marking marking, ReflectionTask task) {
    if (marking.versionId() == null || marking.versionId().isBlank()) {
      throw new MarkingRefused("grading.error.version");
    }
    Map<String, RubricCriterion> criteria = task.criteria().stream()
        .collect(Collectors.toMap(RubricCriterion::id, Function.identity()));
    Set<String> marked = new HashSet<>();
    for (CriterionMark mark : marking.marks()) {
      RubricCriterion criterion = criteria.get(mark.criterionId());
      if (criterion == null || !marked.add(mark.criterionId())) {
        throw new MarkingRefused("grading.error.criterion", String.valueOf(mark.criterionId()));
      }
      List<Integer> allowed = criterion.levels().stream().map(RubricLevel::points).toList();
      if (!allowed.contains(mark.points())) {
        throw new MarkingRefused("grading.error.points", criterion.name(), allowed.toString());
      }
      if (mark.comment().map(String::length).orElse(0) > 2000) {
        throw new MarkingRefused("grading.error.tooLong", 2000);
      }
    }
    for (RubricCriterion criterion : task.criteria()) {
      if (!marked.contains(criterion.id())) {
        throw new MarkingRefused("grading.error.criterion", criterion.name());
      }
    }
    if (marking.feedback().map(String::length).orElse(0) > Marking.FEEDBACK_LENGTH) {
      throw new MarkingRefused("grading.error.tooLong", Marking.FEEDBACK_LENGTH);
    }
    if (marking.teacherNote().map(String::length).orElse(0) > Marking.NOTE_LENGTH) {
      throw new MarkingRefused("grading.error.tooLong", Marking.NOTE_LENGTH);
    }
  }
}
