package eu.somework.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The short, plain-text reason a platform gave with an error status, for a teacher's status list
 * and the log: a JSON body's {@code error_description}, {@code message}, {@code reason},
 * {@code error} or {@code detail} (the first that is a non-blank string), or the first line of a
 * plain-text body. HTML pages say nothing useful and are ignored. Control characters are dropped,
 * anything shaped like a JWT or bearer token is masked, and the result is cut to
 * {@link ServiceCall#MAX_REASON_CHARS} characters.
 */
final class PlatformMessage {
  private static final String[] FIELDS = {"error_description", "message", "reason", "error", "detail"};
  private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");
  private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S+");

  private PlatformMessage() {}

  /** The reason in {@code body}, or "" when it has none. */
  static String of(byte[] body, Optional<String> contentType) {
    if (body == null || body.length == 0) {
      return "";
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    String type = contentType.orElse("").toLowerCase(Locale.ROOT);
    if (type.contains("html") || text.startsWith("<")) {
      return "";
    }
    if (text.startsWith("{")) {
      return clean(fromJson(text));
    }
    int end = text.indexOf('\n');
    return clean(end < 0 ? text : text.substring(0, end));
  }

  private static String fromJson(String text) {
    try {
      Map<String, Object> json = JSONObjectUtils.parse(text);
      for (String field : FIELDS) {
        if (json.get(field) instanceof String s && !s.isBlank()) {
          return s;
        }
      }
      // {"status": {"code": 400, "description": "..."}}-style envelopes
      for (Object value : json.values()) {
        if (value instanceof Map<?, ?> inner) {
          for (String field : new String[] {"description", "message", "reason"}) {
            if (inner.get(field) instanceof String s && !s.isBlank()) {
              return s;
            }
          }
        }
      }
      return "";
    } catch (ParseException notJson) {
      return text; // cut to a line and length below, like any text
    }
  }

  static String clean(String raw) {
    String line = raw.replaceAll("[\\p{Cntrl}]+", " ").strip();
    line = JWT.matcher(line).replaceAll("[token]");
    line = BEARER.matcher(line).replaceAll("Bearer [token]");
    return line.length() > ServiceCall.MAX_REASON_CHARS
        ? line.substring(0, ServiceCall.MAX_REASON_CHARS - 1) + "…"
        : line;
  }
}
