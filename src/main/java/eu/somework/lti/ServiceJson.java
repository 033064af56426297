package eu.somework.lti;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the JSON of platform service answers (AGS 2.0, NRPS 2.0) field by field, with Nimbus's
 * parser: unknown fields are ignored (platforms add their own), a field of the wrong type is an
 * {@link LtiException} ({@link LtiFailure#SERVICE_ANSWER_INVALID}) whose message names the
 * document and the field, e.g. "The platform's line item: scoreMaximum must be a number." A JSON
 * {@code null} counts as absent. A missing or mistyped field, or a body that is not JSON, is also
 * coded ({@link LtiException#reasonCode}: {@code notJson}, {@code missing}, {@code notString},
 * {@code notNumber}, {@code notStrings}, {@code notObjects}, {@code notObject}, the field as the
 * argument).
 */
public final class ServiceJson {
  private ServiceJson() {}

  /**
   * The JSON object in {@code text}.
   *
   * @param what the document, as the message names it ("line item", "membership container")
   */
  public static Map<String, Object> object(String text, String what) throws LtiException {
    try {
      return JSONObjectUtils.parse(text);
    } catch (ParseException e) {
      throw LtiException.coded(LtiFailure.SERVICE_ANSWER_INVALID, "notJson",
          "The platform's " + what + " is not a JSON object.");
    }
  }

  /** The JSON array in {@code text}, each element an object (AGS line item and result containers). */
  public static List<Map<String, Object>> arrayOfObjects(String text, String what) throws LtiException {
    Object parsed;
    try {
      parsed = JSONArrayUtils.parse(text);
    } catch (ParseException e) {
      throw invalid("The platform's " + what + " is not a JSON array.");
    }
    if (!(parsed instanceof List<?> list)) {
      throw invalid("The platform's " + what + " is not a JSON array.");
    }
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Object element : list) {
      objects.add(asObject(element, what, "each element"));
    }
    return objects;
  }

  /** An optional string field; a non-blank value or empty. */
  public static Optional<String> string(Map<String, Object> json, String field, String what) throws LtiException {
    Object value = json.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String s)) {
      throw wrongType(what, field, "a string", "notString");
    }
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /** A required, non-blank string field. */
  public static String requiredString(Map<String, Object> json, String field, String what) throws LtiException {
    return string(json, field, what).orElseThrow(() -> LtiException.coded(LtiFailure.SERVICE_ANSWER_INVALID,
        "missing", "The platform's " + what + ": " + field + " is missing.", field));
  }

  /** An optional number field. */
  public static Optional<Double> number(Map<String, Object> json, String field, String what) throws LtiException {
    Object value = json.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Number n)) {
      throw wrongType(what, field, "a number", "notNumber");
    }
    return Optional.of(n.doubleValue());
  }

  /** An optional array of strings; absent is the empty list. */
  public static List<String> strings(Map<String, Object> json, String field, String what) throws LtiException {
    Object value = json.get(field);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      throw wrongType(what, field, "an array of strings", "notStrings");
    }
    return list.stream().map(String.class::cast).toList();
  }

  /** An optional array of objects; absent is the empty list. */
  public static List<Map<String, Object>> objects(Map<String, Object> json, String field, String what)
      throws LtiException {
    Object value = json.get(field);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw wrongType(what, field, "an array of objects", "notObjects");
    }
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Object element : list) {
      objects.add(asObject(element, what, field));
    }
    return objects;
  }

  /** An optional object field. */
  public static Optional<Map<String, Object>> object(Map<String, Object> json, String field, String what)
      throws LtiException {
    Object value = json.get(field);
    return value == null ? Optional.empty() : Optional.of(asObject(value, what, field));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Object value, String what, String field) throws LtiException {
    if (!(value instanceof Map<?, ?>)) {
      throw wrongType(what, field, "an object", "notObject");
    }
    return (Map<String, Object>) value;
  }

  /** Coded {@code code} with the field as its argument, so that a page can say it in its reader's language. */
  private static LtiException wrongType(String what, String field, String expected, String code) {
    return LtiException.coded(LtiFailure.SERVICE_ANSWER_INVALID, code,
        "The platform's " + what + ": " + field + " must be " + expected + ".", field);
  }

  /** A {@link LtiFailure#SERVICE_ANSWER_INVALID} with {@code message}. */
  public static LtiException invalid(String message) {
    return new LtiException(LtiFailure.SERVICE_ANSWER_INVALID, message);
  }
}
