package eu.somework.reflection;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Addresses of the reflection pages. The tool runs in the LMS's iframe where cookies may be
 * blocked, so every link and form carries the session token {@code s} (guests, whose language
 * also travels in links, never reach these pages).
 */
record Links(String token) {
  static final String BLOG = "/app/blog";

  static String unit(String unitId) {
    return "/app/units/" + unitId;
  }

  static String editor(String unitId) {
    return unit(unitId) + "/reflection";
  }

  /** The teacher's grading list of the unit (the grading feature's page). */
  static String grading(String unitId) {
    return "/app/grading/" + unitId;
  }

  static String draft(String unitId) {
    return editor(unitId) + "/draft";
  }

  static String comments(String reflectionId) {
    return BLOG + "/" + encode(reflectionId) + "/comments";
  }

  static String removeComment(String commentId) {
    return BLOG + "/comments/" + encode(commentId) + "/remove";
  }

  /** The path with the session as a query parameter, not yet HTML-escaped (jte escapes attributes). */
  String url(String path) {
    return path + "?s=" + encode(token);
  }

  /** The path with the session and a notice for the page to show. */
  String url(String path, String notice) {
    return url(path) + "&notice=" + encode(notice);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
