package eu.somework.lti;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stands in for the database table of used nonces. */
final class InMemoryNonceRegistry implements NonceRegistry {
  private final Map<String, Instant> used = new ConcurrentHashMap<>();

  @Override
  public boolean markUsed(String issuer, String nonce, Instant keepUntil) {
    return used.putIfAbsent(issuer + " " + nonce, keepUntil) == null;
  }

  boolean isUsed(String issuer, String nonce) {
    return used.containsKey(issuer + " " + nonce);
  }
}
