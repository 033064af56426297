package eu.somework.grading;

import eu.somework.reflection.ReflectionSubmitted;
import eu.somework.reflection.Reflections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Tells the gradebook that a reflection was submitted (Submitted / PendingManual). Observes the
 * reflection feature's event synchronously, inside the submitting transaction, so the version and
 * its score are one commit; a failure here rolls the submission back rather than losing the score.
 */
@ApplicationScoped
public class SubmissionScores {
  @Inject GradingService grading;

  /** An observer outside a container (tests). */
  static SubmissionScores over(GradingService grading) {
    SubmissionScores scores = new SubmissionScores();
    scores.grading = grading;
    return scores;
  }

  void submitted(@Observes ReflectionSubmitted event) {
    Reflections.SubmittedVersion v = event.version();
    grading.submitted(new GradeKey(v.course().issuer(), v.course().clientId(), v.course().deploymentId(),
        v.course().contextId(), v.unitId(), v.userId()));
  }
}
