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
  /** Sessions one browser keeps at once: older ones are dropped, so cookies never outgrow a request header. */
  public static final int MAX_PER_BROWSER = 8;
  private static final Pattern BINDING_ID = Pattern.compile("[A-Za-z0-9_-]{16}");

  private SessionCookie() {}

  /** A fresh binding: the cookie's id and secret value, and the hash the token carries. */
  public record Binding(String id, String secret) {
    public String hash() {
      return RandomTokens.sha256(secret);
    }
  }

  /**
   * A new binding. Its id starts with the creation second in base 36 (six characters until 2059),
   * so that ids sort by age and the oldest sessions can be dropped first.
   */
  public static Binding create(java.time.Instant now) {
    String age = Long.toString(now.getEpochSecond(), 36);
    return new Binding(age + RandomTokens.next().substring(0, 16 - age.length()), RandomTokens.next());
  }

  /** A new binding created now (tests and tools). */
  public static Binding create() {
    return create(java.time.Instant.now());
  }

  /**
   * The {@code Set-Cookie} values that remove this browser's oldest session cookies, so that with
   * one more it keeps at most {@link #MAX_PER_BROWSER}.
   */
  public static java.util.List<String> dropOldest(Map<String, jakarta.ws.rs.core.Cookie> cookies) {
    java.util.List<String> ids = cookies.keySet().stream().filter(n -> n.startsWith(PREFIX))
        .map(n -> n.substring(PREFIX.length())).sorted().toList();
    int excess = ids.size() - (MAX_PER_BROWSER - 1);
    return ids.stream().limit(Math.max(0, excess))
        .map(id -> PREFIX + id + "=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=None; Partitioned").toList();
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
