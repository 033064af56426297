package eu.somework.lti;

import eu.somework.lti.ags.ActivityProgress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A line item's {@code submissionReview} (LTI Submission Review Service 1.0 §3), in a Deep Linking
 * content item's {@code lineItem} or a line item the tool creates through AGS: with it, the platform
 * offers to open a learner's submission in the tool. Every field is optional.
 * {@code reviewableStatus} lists the AGS {@code activityProgress} values (AGS 2.0 §3.4.5) for which
 * the platform offers the review (empty: left out); {@code label} is the text of the platform's
 * review action; {@code url} a launch URL other than the link's own; {@code custom} parameters
 * added to the review launch.
 */
public record SubmissionReview(List<String> reviewableStatus, Optional<String> label, Optional<String> url,
    Map<String, String> custom) {
  public SubmissionReview {
    reviewableStatus = List.copyOf(reviewableStatus);
    custom = Map.copyOf(custom);
  }

  /** A review offered for learners whose activity is at one of {@code statuses}, under the platform's own or the given label. */
  public static SubmissionReview whenProgressIs(Optional<String> label, ActivityProgress... statuses) {
    return new SubmissionReview(Arrays.stream(statuses).map(ActivityProgress::name).toList(), label, Optional.empty(),
        Map.of());
  }

  /** The JSON object, without the fields that are absent. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    if (!reviewableStatus.isEmpty()) {
      json.put("reviewableStatus", reviewableStatus);
    }
    label.ifPresent(l -> json.put("label", l));
    url.ifPresent(u -> json.put("url", u));
    if (!custom.isEmpty()) {
      json.put("custom", new LinkedHashMap<>(custom));
    }
    return json;
  }
}
