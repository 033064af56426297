package eu.somework.launch;

import java.time.Instant;
import java.util.Optional;

/**
 * Who is using the tool, where from, after a verified launch. Carried as a signed token in links,
 * forms and headers rather than a cookie, because the LMS shows the tool in an iframe where
 * browsers block third-party cookies.
 */
public record ToolSession(
    String issuer,
    String clientId,
    String deploymentId,
    Optional<String> userId,
    Optional<String> displayName,
    ToolRole role,
    String contextId,
    Optional<String> contextTitle,
    Optional<String> resourceLinkId,
    Optional<String> resourceLinkTitle,
    Optional<String> locale,
    Optional<String> unit,
    Optional<DeepLinkingReturn> deepLinking,
    Instant expiresAt) {

  /** What a deep-linking answer needs from the request that opened the catalogue. */
  public record DeepLinkingReturn(
      String returnUrl, Optional<String> data, boolean acceptMultiple, boolean acceptLineItem,
      boolean acceptsResourceLinks) {}

  public boolean isAnonymous() {
    return userId.isEmpty();
  }
}
