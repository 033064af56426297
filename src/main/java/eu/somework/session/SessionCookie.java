package eu.somework.session;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The cookie that binds a tool session to the browser it was launched in. A session token alone
 * opens nothing: a link copied into another browser, or opened top-level where the LMS iframe's
 * partitioned cookie is not sent, is refused. One cookie per launch ({@code somework_session_<id>}),
 * so two launches at the same moment in one browser (two tabs, two tool links on one LMS page)
 * never overwrite each other's binding. {@code SameSite=None; Secure; Partitioned; HttpOnly}: the
 * LMS frames the tool cross-site, where only a partitioned cookie survives third-party-cookie
 * blocking; it lives as long as the session and dies with it.
 */
public final class SessionCookie {
  static final String PREFIX = "somework_session_";
  private static final Pattern BINDING_ID = Pattern.compile("[A-Za-z0-9_-]{16}");

  private SessionCookie() {}

  /** A fresh binding: the cookie's id and secret value, and the hash the token carries. */
  public record Binding(String id, String secret) {
    public String hash() {
      return RandomTokens.sha256(secret);
    }
  }

  public static Binding create() {
    return new Binding(RandomTokens.next().substring(0, 16), RandomTokens.next());
  }

  /** The {@code Set-Cookie} header value that stores the binding in the browser. */
  public static String header(Binding binding, Duration lifetime) {
    return PREFIX + binding.id() + "=" + binding.secret() + "; Path=/; Max-Age=" + lifetime.toSeconds()
        + "; HttpOnly; Secure; SameSite=None; Partitioned";
  }

  /** True when the request's cookies hold the binding the token names. */
  public static boolean matches(Map<String, jakarta.ws.rs.core.Cookie> cookies, BoundSession bound) {
    if (!BINDING_ID.matcher(bound.bindingId()).matches()) {
      return false;
    }
    jakarta.ws.rs.core.Cookie cookie = cookies.get(PREFIX + bound.bindingId());
    return cookie != null && java.security.MessageDigest.isEqual(
        RandomTokens.sha256(cookie.getValue()).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        bound.bindingHash().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
