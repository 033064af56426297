package eu.somework.access;

import java.time.Instant;

/**
 * Whether one person's open sessions still count: erasing a person's data ends the sessions they
 * opened before it. Answered by the privacy package, asked by {@link AccessFilter} on every request
 * with a session of a known user.
 */
public interface PersonSessions {
  /**
   * False when the person's sessions issued at {@code issuedAt} were ended after it (their data was
   * erased since); true otherwise.
   */
  boolean admits(String issuer, String clientId, String userId, Instant issuedAt);
}
