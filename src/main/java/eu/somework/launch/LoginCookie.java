package eu.somework.launch;

import jakarta.ws.rs.core.Cookie;
import java.util.Map;
import java.util.Optional;

/**
 * The cookie that ties one login to the browser that started it, named after the login's state
 * ({@code somework_login_<first 16 characters of state>}) so that two logins started at the same
 * moment in one browser (two tabs, two tool links on one LMS page) each keep their own.
 * {@code SameSite=None; Secure; Partitioned}: the LMS shows the tool in a cross-site iframe, where
 * only such a cookie is sent, and partitioned (CHIPS) cookies survive where unpartitioned
 * third-party cookies are blocked.
 */
final class LoginCookie {
  static final String PREFIX = "somework_login_";

  private LoginCookie() {}

  static String name(String state) {
    return PREFIX + state.substring(0, Math.min(16, state.length()));
  }

  static Optional<String> read(Map<String, Cookie> cookies, String state) {
    if (state == null || state.isBlank()) {
      return Optional.empty();
    }
    Cookie cookie = cookies.get(name(state));
    return cookie == null || cookie.getValue().isBlank() ? Optional.empty() : Optional.of(cookie.getValue());
  }

  /** Removes the login's cookie once its launch is accepted. */
  static String expired(String state) {
    return name(state) + "=; Path=/lti; Max-Age=0; HttpOnly; Secure; SameSite=None; Partitioned";
  }

  static String header(String state, String value) {
    return name(state) + "=" + value + "; Path=/lti; Max-Age=" + LoginStates.LIFETIME.toSeconds()
        + "; HttpOnly; Secure; SameSite=None; Partitioned";
  }

}
