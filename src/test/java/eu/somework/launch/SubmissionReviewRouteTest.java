package eu.somework.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.somework.lti.LaunchRole;
import eu.somework.lti.LtiException;
import eu.somework.lti.LtiFailure;
import eu.somework.lti.LtiLaunch;
import eu.somework.lti.MessageType;
import eu.somework.session.ToolRole;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where a submission review request (LTI Submission Review Service 1.0 §2) lands, and who is refused. */
class SubmissionReviewRouteTest {
  static LtiLaunch review(String subject, String forUser) {
    return new LtiLaunch("https://lms.example.org", "client", "1", Optional.of(subject), MessageType.SUBMISSION_REVIEW,
        List.of(), Set.of(LaunchRole.LEARNER), Optional.of(new LtiLaunch.Context("c1", Optional.empty(),
            Optional.empty())), Optional.of(new LtiLaunch.ResourceLink("rl-1", Optional.empty())), Optional.empty(),
        Optional.empty(), Map.of(), Optional.empty(), Optional.of(new LtiLaunch.GradeService(List.of(),
            Optional.empty(), Optional.of("https://lms.example.org/li/1"))), Optional.empty(), Optional.empty(),
        "https://tool.example.org/lti/launch", Optional.of(new LtiLaunch.ForUser(forUser, Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of())));
  }

  @Test
  void teacherLandsOnTheLearnersGradingForm() throws LtiException {
    assertEquals("/app/grading/data-protection/student%201",
        SubmissionReviewRoute.landing(review("teacher-1", "student 1"), ToolRole.TEACHER, Optional.of("data-protection")));
  }

  @Test
  void administratorLandsOnTheGradingFormToo() throws LtiException {
    assertEquals("/app/grading/data-protection/s%2F1",
        SubmissionReviewRoute.landing(review("admin", "s/1"), ToolRole.ADMINISTRATOR, Optional.of("data-protection")));
  }

  @Test
  void learnerReviewingOwnSubmissionLandsOnOwnReflection() throws LtiException {
    assertEquals("/app/units/data-protection/reflection",
        SubmissionReviewRoute.landing(review("s1", "s1"), ToolRole.STUDENT, Optional.of("data-protection")));
  }

  @Test
  void learnerAskingForAnothersSubmissionIsRefused() {
    LtiException refused = assertThrows(LtiException.class,
        () -> SubmissionReviewRoute.landing(review("s1", "s2"), ToolRole.STUDENT, Optional.of("data-protection")));
    assertEquals(LtiFailure.REVIEW_NOT_ALLOWED, refused.failure());
    assertEquals(403, refused.httpStatus());
  }

  @Test
  void guestAskingForAnothersSubmissionIsRefused() {
    assertThrows(LtiException.class,
        () -> SubmissionReviewRoute.landing(review("g1", "s2"), ToolRole.GUEST, Optional.of("data-protection")));
  }

  @Test
  void linkWithoutUnitLandsOnTheModule() throws LtiException {
    assertEquals("/app", SubmissionReviewRoute.landing(review("t", "s1"), ToolRole.TEACHER, Optional.empty()));
    assertEquals("/app", SubmissionReviewRoute.landing(review("s1", "s1"), ToolRole.STUDENT, Optional.empty()));
  }
}
