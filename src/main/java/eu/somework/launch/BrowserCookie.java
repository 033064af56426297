package eu.somework.launch;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * The cookie that ties a login to the browser that started it. {@code SameSite=None; Secure;
 * Partitioned}: the LMS shows the tool in a cross-site iframe, where only such a cookie is sent,
 * and partitioned (CHIPS) cookies survive where unpartitioned third-party cookies are blocked.
 */
final class BrowserCookie {
  static final String NAME = "somework_browser";

  private BrowserCookie() {}

  static Optional<String> read(HttpHeaders headers) {
    jakarta.ws.rs.core.Cookie cookie = headers.getCookies().get(NAME);
    return cookie == null || cookie.getValue().isBlank() ? Optional.empty() : Optional.of(cookie.getValue());
  }

  static String header(String value) {
    return NAME + "=" + value + "; Path=/lti; Max-Age=86400; HttpOnly; Secure; SameSite=None; Partitioned";
  }
}
