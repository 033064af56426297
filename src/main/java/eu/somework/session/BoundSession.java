package eu.somework.session;

/**
 * A verified session token's content: the session, and the browser cookie it is bound to
 * ({@link SessionCookie}: the cookie named after {@code bindingId} must hold a value whose SHA-256
 * is {@code bindingHash}).
 */
public record BoundSession(ToolSession session, String bindingId, String bindingHash) {}
