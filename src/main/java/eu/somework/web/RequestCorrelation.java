package eu.somework.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The correlation id of the request this thread serves, and the resource template it matched: set by
 * {@link RequestLog} when the request arrives, read by every log line that belongs to it (errors,
 * refused launches) and by the error page, which shows the same id to the user.
 *
 * <p>A caller (a reverse proxy, a load balancer) may bring its own id in {@code X-Request-Id}: it is
 * kept when it has 1 to {@link #MAX_LENGTH} characters from {@code A-Z a-z 0-9 . _ : -}, so it cannot
 * break a log line or a header; otherwise the tool makes one (16 hex digits).
 */
public final class RequestCorrelation {
  /** The request and response header of the correlation id. */
  public static final String HEADER = "X-Request-Id";
  static final int MAX_LENGTH = 64;
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ThreadLocal<RequestCorrelation> CURRENT = new ThreadLocal<>();

  private final String id;
  private volatile String route;

  private RequestCorrelation(String id) {
    this.id = id;
  }

  /** The incoming id when it is well formed, else a new one. */
  static String accept(String incoming) {
    if (incoming != null && SAFE.matcher(incoming).matches()) {
      return incoming;
    }
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Starts the request's correlation on this thread; {@link #end()} it in a {@code finally}. */
  static RequestCorrelation begin(String id) {
    RequestCorrelation started = new RequestCorrelation(id);
    CURRENT.set(started);
    return started;
  }

  static void end() {
    CURRENT.remove();
  }

  /** The correlation id of the request this thread serves, if it serves one. */
  public static Optional<String> currentId() {
    return Optional.ofNullable(CURRENT.get()).map(c -> c.id);
  }

  /** Records the resource template the request matched (by {@link RouteRecorder}). */
  static void matched(String template) {
    RequestCorrelation current = CURRENT.get();
    if (current != null) {
      current.route = template;
    }
  }

  String id() {
    return id;
  }

  Optional<String> route() {
    return Optional.ofNullable(route);
  }
}
