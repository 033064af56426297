package eu.somework.launch;

import eu.somework.lti.LtiException;
import java.util.Optional;

/**
 * A login or launch the tool refused, on its way to the error page. When the browser lost the
 * state cookie, it carries a URL that restarts the login in a new, first-party window.
 */
public final class LaunchRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient LtiException reason;
  private final String newWindowUrl;
  private final java.time.Duration retryAfter;

  LaunchRejected(LtiException reason, String newWindowUrl) {
    this(reason, newWindowUrl, null);
  }

  /** A refusal that passes with time (429, 503): {@code retryAfter} becomes the Retry-After header. */
  LaunchRejected(LtiException reason, String newWindowUrl, java.time.Duration retryAfter) {
    super(reason.getMessage(), reason);
    this.reason = reason;
    this.newWindowUrl = newWindowUrl;
    this.retryAfter = retryAfter;
  }

  public LtiException reason() {
    return reason;
  }

  public Optional<String> newWindowUrl() {
    return Optional.ofNullable(newWindowUrl);
  }

  /** How long the client should wait before trying again, when the refusal passes with time. */
  public Optional<java.time.Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
