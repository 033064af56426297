package eu.somework.session;

import java.time.Instant;
import java.util.Optional;

/**
 * Who is using the tool, where from, after a verified launch. Carried as a signed token
 * ({@link SessionTokens}) bound to a browser cookie ({@link SessionCookie}). The token holds ids
 * only: {@code displayName}, {@code contextTitle} and {@code resourceLinkTitle} are empty in a
 * session read from a token, and filled from storage where a page shows them.
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

  /** True when the launch came from a course (an LTI context); course-wide views need one. */
  public boolean hasContext() {
    return contextId != null && !contextId.isBlank();
  }

  /** The same session with the labels a page shows (names and titles, as last stored). */
  public ToolSession withLabels(Optional<String> displayName, Optional<String> contextTitle,
      Optional<String> resourceLinkTitle) {
    return new ToolSession(issuer, clientId, deploymentId, userId, displayName, role, contextId, contextTitle,
        resourceLinkId, resourceLinkTitle, locale, unit, deepLinking, expiresAt);
  }
}
