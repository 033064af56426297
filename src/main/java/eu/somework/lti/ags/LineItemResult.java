package eu.somework.lti.ags;

import eu.somework.lti.LtiException;
import eu.somework.lti.ServiceJson;
import java.util.Map;
import java.util.Optional;

/**
 * What the gradebook holds for one learner on one line item (AGS 2.0 §3.3): {@code userId} (the
 * learner's {@code sub}), the result's points and maximum, and the comment. Used to warn a teacher
 * when the platform holds another grade than the last one the tool sent.
 */
public record LineItemResult(String userId, Optional<Double> resultScore, Optional<Double> resultMaximum,
    Optional<String> comment) {

  /**
   * From a platform's JSON object; unknown fields ignored.
   *
   * @throws LtiException {@code SERVICE_ANSWER_INVALID} when userId is missing or a field has the wrong type
   */
  public static LineItemResult fromJson(Map<String, Object> json) throws LtiException {
    String what = "result";
    return new LineItemResult(ServiceJson.requiredString(json, "userId", what),
        ServiceJson.number(json, "resultScore", what), ServiceJson.number(json, "resultMaximum", what),
        ServiceJson.string(json, "comment", what));
  }
}
