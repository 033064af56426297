package eu.somework.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The console session's cookie: {@value #NAME}, for {@code /admin} only, {@code HttpOnly},
 * {@code SameSite=Strict} (no other site can send it along), {@code Secure} when the tool's base
 * URL is https. Its value is the signed session token; it lives as long as the session.
 */
final class AdminCookie {
  static final String NAME = "somework_admin";

  private AdminCookie() {}

  static String header(String token, Instant expiresAt, Instant now, boolean secure) {
    // rounded up: a session of 30 minutes from now is Max-Age=1800, not 1799 and some milliseconds
    long seconds = Math.max(0, (Duration.between(now, expiresAt).toMillis() + 999) / 1000);
    return NAME + "=" + token + "; Path=/admin; Max-Age=" + seconds + "; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }

  static String removal(boolean secure) {
    return NAME + "=; Path=/admin; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }

  static Optional<String> read(Map<String, jakarta.ws.rs.core.Cookie> cookies) {
    return Optional.ofNullable(cookies.get(NAME)).map(jakarta.ws.rs.core.Cookie::getValue);
  }
}
