package eu.somework.lti;

import java.net.URI;
import java.util.Locale;

/**
 * Which platform URLs the tool talks to: key sets and token endpoints carry the keys and tokens
 * that launches and service calls rest on, so they must be https (Security Framework §3: TLS for
 * every message). Plain http is allowed only on this machine's loopback (127.0.0.0/8, ::1,
 * localhost), where tests and the built-in simulator run. Host names are not resolved: a name that
 * happens to resolve to a loopback address is not trusted as one.
 */
public final class PlatformEndpoints {
  private PlatformEndpoints() {}

  /** True when {@code uri} is an absolute https URL, or an http URL whose host is loopback. */
  public static boolean isAllowed(URI uri) {
    if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("https") || (scheme.equals("http") && isLoopback(uri.getHost()));
  }

  /** localhost, an IPv4 literal in 127.0.0.0/8, or the IPv6 literal ::1 (with or without brackets). */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /** The sentence that says why a URL was refused, for logs and error pages. */
  static String rule() {
    return "must use https (plain http only on this machine's loopback: 127.0.0.0/8, ::1, localhost)";
  }
}
