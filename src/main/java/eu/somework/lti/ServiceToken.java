package eu.somework.lti;

import java.time.Instant;
import java.util.Set;

/** An OAuth 2 access token for a platform's services (AGS, NRPS), with its scopes and expiry. */
public record ServiceToken(String accessToken, Set<String> scopes, Instant expiresAt) {
  public ServiceToken {
    scopes = Set.copyOf(scopes);
  }

  public boolean isValidAt(Instant moment) {
    return moment.isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "ServiceToken[scopes=" + scopes + ", expiresAt=" + expiresAt + "]"; // never the token itself
  }
}
