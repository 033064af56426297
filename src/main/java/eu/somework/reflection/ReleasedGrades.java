package eu.somework.reflection;

import eu.somework.session.ToolSession;
import eu.somework.web.UiLanguage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The released grade a student sees on their reflection page. Grading implements it (grading reads
 * reflections, so the reflection feature names only this interface and never depends on grading).
 * Only a released grade is ever given here; a draft grade and the teacher's private note never are.
 */
public interface ReleasedGrades {
  /** The student's released grade on the unit in their course, criteria named in {@code language}. */
  Optional<ReleasedGrade> releasedFor(ToolSession student, String unitId, UiLanguage language);

  /**
   * A released grade: points per rubric criterion with the teacher's comment, the total, the
   * feedback, the version it was given for, and whether the gradebook has it yet.
   *
   * @param gradebook DELIVERED, PENDING, FAILED, OUTDATED, or empty when the course has no gradebook column
   */
  record ReleasedGrade(List<CriterionPoints> criteria, double total, double maximum, Optional<String> feedback,
      Optional<Integer> versionNumber, Instant releasedAt, Optional<String> gradebook) {}

  /** One criterion's points out of its maximum, and the teacher's comment on it. */
  record CriterionPoints(String name, int points, int maxPoints, Optional<String> comment) {}
}
