package eu.somework.web;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One request as the request log writes it: a single line of {@code key=value} pairs, e.g.
 * {@code request id=4f9c2a7d0b1e3c55 method=GET route=/app/units/{id} status=200 ms=12}, for a log
 * shipper to split on spaces and {@code =}. A value with anything but URL-safe characters is quoted
 * as a JSON string ({@code "…"}, with {@code \"}, {@code \\} and <code>&#92;u00XX</code> escapes), so a
 * request cannot forge a key or a second line.
 *
 * <p>Holds opaque values only. The route is the matched resource template ({@code /app/grading/{unit}/{userId}}),
 * never the path it matched: a concrete path can name a user. The path is written only when no
 * resource matched (a static file, a 404), cut to {@link #PATH_LENGTH} characters, and never with its
 * query string, where session tokens travel ({@code ?s=}).
 *
 * @param id the correlation id (see {@link RequestCorrelation})
 * @param route the matched resource template, if a resource matched
 * @param path the path without query string; written only without a route
 * @param millis the time from the request's arrival to the end of the response
 */
public record RequestLine(String id, String method, Optional<String> route, String path, int status, long millis) {
  static final int PATH_LENGTH = 200;
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._~:/{}@+,;!$*()\\[\\]%-]+");

  /** The line, without the logger's own prefix (time, level, logger). */
  public String format() {
    StringBuilder line = new StringBuilder("request");
    pair(line, "id", id);
    pair(line, "method", method);
    if (route.isPresent()) {
      pair(line, "route", route.get());
    } else {
      pair(line, "path", path.length() > PATH_LENGTH ? path.substring(0, PATH_LENGTH) + "…" : path);
    }
    pair(line, "status", Integer.toString(status));
    pair(line, "ms", Long.toString(millis));
    return line.toString();
  }

  private static void pair(StringBuilder line, String key, String value) {
    line.append(' ').append(key).append('=').append(quoted(value == null ? "" : value));
  }

  /** The value as is when it is plain, else as a JSON string. */
  static String quoted(String value) {
    if (PLAIN.matcher(value).matches()) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.LINE_SEPARATOR
          || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
