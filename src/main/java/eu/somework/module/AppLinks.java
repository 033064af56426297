package eu.somework.module;

import eu.somework.content.ContentCatalogue;

import eu.somework.web.UiLanguage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.owasp.encoder.Encode;

/**
 * Links and forms inside the tool. The tool runs in the LMS's iframe where cookies are blocked, so
 * every link and form carries the session token {@code s}; for a guest, whose language choice is
 * not stored, it also carries {@code lang}.
 */
record AppLinks(String token, Optional<UiLanguage> carriedLanguage) {
  static final String OVERVIEW = "/app/overview";
  static final String PROGRESS = "/app/progress";
  static final String LANGUAGE = "/app/language";
  static final String SERVICES = "/app/admin/services";
  /** The person's own data as a JSON file (privacy.MyDataResource). */
  static final String MY_DATA = "/app/my-data";
  /** The pages a form may send the learner back to: the tool's own, never another site. */
  private static final Pattern RETURN_PATH =
      Pattern.compile("/app(/overview|/progress|/units/" + ContentCatalogue.unitIdPattern() + ")?");

  static String unit(String unitId) {
    return "/app/units/" + unitId;
  }

  static boolean isReturnPath(String path) {
    return path != null && RETURN_PATH.matcher(path).matches();
  }

  /** The path with the session (and a guest's language) as query parameters, not yet HTML-escaped. */
  String url(String path) {
    StringBuilder url = new StringBuilder(path).append("?s=").append(encode(token));
    carriedLanguage.ifPresent(language -> url.append("&lang=").append(language.code()));
    return url.toString();
  }

  /** For an {@code href} attribute. */
  String href(String path) {
    return Encode.forHtmlAttribute(url(path));
  }

  private static String encode(String value) {
    // a session token is a JWT, letters, digits, '-', '_' and '.': what URLEncoder leaves as it is,
    // so the common case skips its buffers (5 % of a launch's allocations in the profile); a loop,
    // as a regular expression here cost more CPU than it saved
    return unchangedByUrlEncoding(value) ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static boolean unchangedByUrlEncoding(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '-' || c == '_' || c == '*';
      if (!kept) {
        return false;
      }
    }
    return true;
  }
}
