package eu.somework.grading;

import eu.somework.content.ContentCatalogue;
import eu.somework.content.RubricCriterion;
import eu.somework.reflection.CourseKey;
import eu.somework.reflection.ReleasedGrades;
import eu.somework.reflection.Reflections;
import eu.somework.session.ToolSession;
import eu.somework.web.UiLanguage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The student's own released grade for their reflection page: points and comment per criterion,
 * total, feedback, and whether the gradebook has it. Never a draft, never the teacher's note; only
 * the session's own user in the session's own course.
 */
@ApplicationScoped
public class StudentGrades implements ReleasedGrades {
  @Inject GradingService grading;
  @Inject ContentCatalogue catalogue;
  @Inject Reflections reflections;
  @Inject GradingRoster roster;

  /** Student grades outside a container (tests). */
  static StudentGrades over(GradingService grading, ContentCatalogue catalogue, Reflections reflections,
      GradingRoster roster) {
    StudentGrades grades = new StudentGrades();
    grades.grading = grading;
    grades.catalogue = catalogue;
    grades.reflections = reflections;
    grades.roster = roster;
    return grades;
  }

  @Override
  public Optional<ReleasedGrade> releasedFor(ToolSession student, String unitId, UiLanguage language) {
    if (student.isAnonymous() || !student.hasContext() || catalogue.find(unitId).isEmpty()) {
      return Optional.empty();
    }
    String userId = student.userId().orElseThrow();
    return grading.released(GradingRoster.key(student, unitId, userId)).map(grade -> {
      Map<String, RubricCriterion> criteria = catalogue.find(unitId).orElseThrow().reflection(language).criteria()
          .stream().collect(Collectors.toMap(RubricCriterion::id, Function.identity()));
      List<CriterionPoints> lines = catalogue.find(unitId).orElseThrow().reflection(language).criteria().stream()
          .map(c -> grade.marks().stream().filter(m -> m.criterionId().equals(c.id())).findFirst()
              .map(m -> new CriterionPoints(criteria.get(c.id()).name(), m.points(), c.maxPoints(), m.comment())))
          .flatMap(Optional::stream).toList();
      CourseKey course = CourseKey.of(student);
      Optional<Integer> number = reflections.version(course, grade.versionId()).map(v -> v.version().number());
      Optional<String> gradebook = Optional.ofNullable(roster.scores(course, unitId).get(userId))
          .filter(s -> s.progress() == ScoreProgress.GRADED).map(s -> s.state().name());
      return new ReleasedGrade(lines, grade.scoreGiven(), grade.scoreMaximum(), grade.feedback(), number,
          grade.releasedAt().orElse(grade.updatedAt()), gradebook);
    });
  }
}
