package eu.somework.access;

/**
 * Whether a registration still admits its users' open sessions (it exists and is switched on);
 * answered by the platform package, asked by {@link AccessFilter} on every request with a session.
 */
public interface SessionRegistrations {
  /** True when the registration (issuer + client id) exists and is switched on. */
  boolean admitsSessions(String issuer, String clientId);
}
