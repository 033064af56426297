package eu.somework.launch;

import eu.somework.lti.LtiException;
import eu.somework.lti.LtiFailure;
import eu.somework.lti.LtiLaunch;
import eu.somework.session.ToolRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a submission review request (LTI Submission Review Service 1.0 §2) opens the tool: a
 * teacher gets the grading form of the {@code for_user} learner for the link's unit (every
 * submitted version, the grade); a learner reviewing their own submission gets their reflection
 * with the released grade; a learner asking for anyone else's is refused. Without a unit (a link
 * to the whole module) the launch lands where any launch does.
 */
final class SubmissionReviewRoute {
  static final String LANDING = "/app";

  private SubmissionReviewRoute() {}

  /**
   * The path (no query, path segments encoded) a review launch lands on.
   *
   * @param launch a validated launch with {@link LtiLaunch#isSubmissionReview()} and a {@code for_user}
   * @param role what the launching user may do in the tool
   * @param unit the unit of the launch's resource link, if it has one
   * @throws LtiException {@link LtiFailure#REVIEW_NOT_ALLOWED} when the user may not see that submission
   */
  static String landing(LtiLaunch launch, ToolRole role, Optional<String> unit) throws LtiException {
    String forUser = launch.forUser().orElseThrow().userId();
    if (role.canTeach()) {
      return unit.map(u -> "/app/grading/" + segment(u) + "/" + segment(forUser)).orElse(LANDING);
    }
    if (launch.subject().filter(forUser::equals).isEmpty()) {
      throw new LtiException(LtiFailure.REVIEW_NOT_ALLOWED,
          "Only a teacher of the course can open another person's submission; you can review your own.");
    }
    return unit.map(u -> "/app/units/" + segment(u) + "/reflection").orElse(LANDING);
  }

  private static String segment(String value) {
    // a path segment: a space is %20 there, not '+'
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
