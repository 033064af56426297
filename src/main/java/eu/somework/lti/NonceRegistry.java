package eu.somework.lti;

import java.time.Instant;

/**
 * Remembers every nonce a launch has used until it expires. Backed by storage that all instances
 * of the tool share, so a token replayed against another instance is refused too.
 */
public interface NonceRegistry {
  /**
   * Records the nonce as used.
   *
   * @return false when it was already used (a replay)
   */
  boolean markUsed(String issuer, String nonce, Instant keepUntil);
}
