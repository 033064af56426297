package eu.somework.session;

/**
 * A verified session token's content: the session, and the browser cookie it is bound to
 * ({@link SessionCookie}: the cookie named after {@code bindingId} must hold a value whose SHA-256
 * is {@code bindingHash}), and when the token was issued (to the millisecond; to the second for a
 * token without {@code issued_at_ms}).
 */
public record BoundSession(ToolSession session, String bindingId, String bindingHash, java.time.Instant issuedAt) {}
