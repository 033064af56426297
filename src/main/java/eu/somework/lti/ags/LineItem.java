package eu.somework.lti.ags;

import eu.somework.lti.LtiException;
import eu.somework.lti.ServiceJson;
import eu.somework.lti.SubmissionReview;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A line item (gradebook column), AGS 2.0 §3.2: {@code id} is its URL, opaque (Moodle's carry a
 * query string, {@code …/lineitem?type_id=3}) and absent until the platform created it;
 * {@code scoreMaximum} is in points and strictly positive; {@code resourceLinkId} binds it to a
 * placement of the tool, {@code resourceId} and {@code tag} are the tool's own labels; the
 * optional start and end are when the platform takes submissions; a {@code submissionReview}
 * lets the platform open a learner's submission in the tool (LTI Submission Review Service 1.0 §3).
 */
public record LineItem(
    Optional<URI> id,
    String label,
    double scoreMaximum,
    Optional<String> resourceId,
    Optional<String> resourceLinkId,
    Optional<String> tag,
    Optional<OffsetDateTime> startDateTime,
    Optional<OffsetDateTime> endDateTime,
    Optional<SubmissionReview> submissionReview) {

  private static final String WHAT = "line item";
  // ISO 8601 with or without the colon in the offset ("+00:00", "+0000", "Z"), as platforms write it
  private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd().toFormatter();

  /** @throws IllegalArgumentException for a blank label or a scoreMaximum that is not above 0 */
  public LineItem {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("a line item needs a label");
    }
    if (!(scoreMaximum > 0) || Double.isInfinite(scoreMaximum)) {
      throw new IllegalArgumentException("scoreMaximum must be greater than 0");
    }
  }

  /** A line item without submission review. */
  public LineItem(Optional<URI> id, String label, double scoreMaximum, Optional<String> resourceId,
      Optional<String> resourceLinkId, Optional<String> tag, Optional<OffsetDateTime> startDateTime,
      Optional<OffsetDateTime> endDateTime) {
    this(id, label, scoreMaximum, resourceId, resourceLinkId, tag, startDateTime, endDateTime, Optional.empty());
  }

  /** A line item to create (no id yet) for a resource link, with the tool's resource id and tag. */
  public static LineItem toCreate(String label, double scoreMaximum, String resourceLinkId,
      Optional<String> resourceId, Optional<String> tag) {
    return new LineItem(Optional.empty(), label, scoreMaximum, resourceId, Optional.ofNullable(resourceLinkId), tag,
        Optional.empty(), Optional.empty());
  }

  /** The same line item, offering the platform a review of each learner's submission. */
  public LineItem withSubmissionReview(SubmissionReview review) {
    return new LineItem(id, label, scoreMaximum, resourceId, resourceLinkId, tag, startDateTime, endDateTime,
        Optional.of(review));
  }

  /** The same line item with the URL the platform gave it. */
  public LineItem withId(URI url) {
    return new LineItem(Optional.of(url), label, scoreMaximum, resourceId, resourceLinkId, tag, startDateTime,
        endDateTime, submissionReview);
  }

  /** The JSON the platform expects (AGS 2.0 §3.2.7), as a string. */
  public String toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    id.ifPresent(url -> json.put("id", url.toString()));
    json.put("label", label);
    json.put("scoreMaximum", scoreMaximum);
    resourceId.ifPresent(v -> json.put("resourceId", v));
    resourceLinkId.ifPresent(v -> json.put("resourceLinkId", v));
    tag.ifPresent(v -> json.put("tag", v));
    startDateTime.ifPresent(v -> json.put("startDateTime", v.toString()));
    endDateTime.ifPresent(v -> json.put("endDateTime", v.toString()));
    submissionReview.ifPresent(v -> json.put("submissionReview", v.toJson()));
    return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(json);
  }

  /**
   * A line item from a platform's JSON object; unknown fields are ignored.
   *
   * @throws LtiException {@code SERVICE_ANSWER_INVALID} naming the field: {@code id} missing or not
   *     a URL, {@code label} missing, {@code scoreMaximum} missing, not a number or not above 0, a
   *     field of the wrong type, a date that is not ISO 8601 with an offset
   */
  public static LineItem fromJson(Map<String, Object> json) throws LtiException {
    String id = ServiceJson.requiredString(json, "id", WHAT);
    URI url;
    try {
      url = URI.create(id);
    } catch (IllegalArgumentException e) {
      throw ServiceJson.invalid("The platform's line item: id must be a URL.");
    }
    if (!url.isAbsolute()) {
      throw ServiceJson.invalid("The platform's line item: id must be a URL.");
    }
    String label = ServiceJson.requiredString(json, "label", WHAT);
    double max = ServiceJson.number(json, "scoreMaximum", WHAT)
        .orElseThrow(() -> ServiceJson.invalid("The platform's line item: scoreMaximum is missing."));
    if (!(max > 0)) {
      throw ServiceJson.invalid("The platform's line item: scoreMaximum must be greater than 0.");
    }
    return new LineItem(Optional.of(url), label, max,
        ServiceJson.string(json, "resourceId", WHAT),
        ServiceJson.string(json, "resourceLinkId", WHAT),
        ServiceJson.string(json, "tag", WHAT),
        dateTime(json, "startDateTime"),
        dateTime(json, "endDateTime"));
  }

  private static Optional<OffsetDateTime> dateTime(Map<String, Object> json, String field) throws LtiException {
    Optional<String> text = ServiceJson.string(json, field, WHAT);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.get(), LENIENT));
    } catch (DateTimeParseException e) {
      throw ServiceJson.invalid("The platform's line item: " + field + " must be an ISO 8601 date and time with an offset.");
    }
  }
}
