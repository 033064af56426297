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

  LaunchRejected(LtiException reason, String newWindowUrl) {
    super(reason.getMessage(), reason);
    this.reason = reason;
    this.newWindowUrl = newWindowUrl;
  }

  public LtiException reason() {
    return reason;
  }

  public Optional<String> newWindowUrl() {
    return Optional.ofNullable(newWindowUrl);
  }
}
