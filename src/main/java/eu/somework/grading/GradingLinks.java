package eu.somework.grading;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Addresses of the grading pages of one unit. The tool runs in the LMS's iframe where cookies may
 * be blocked, so every link carries the session token {@code s}; forms carry it in a hidden field.
 */
record GradingLinks(String unitId, String token) {
  /** The list's address, without the token: where its forms post. */
  String list() {
    return "/app/grading/" + encode(unitId);
  }

  /** A student's grading form's address, without the token. */
  String studentPath(String userId) {
    return list() + "/" + encode(userId);
  }

  /** A student's grading form, with the token (jte escapes it in attributes). */
  String student(String userId) {
    return withToken(studentPath(userId));
  }

  String listUrl() {
    return withToken(list());
  }

  /** The unit's reflections as the reflection feature shows them to teachers. */
  String reflections() {
    return withToken("/app/units/" + encode(unitId) + "/reflection");
  }

  String withToken(String path) {
    return path + "?s=" + encode(token);
  }

  String withToken(String path, String notice) {
    return withToken(path) + "&notice=" + encode(notice);
  }

  static String encode(String value) {
    // a path segment: a space is %20 there, not '+'
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
