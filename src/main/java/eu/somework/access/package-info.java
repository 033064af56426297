/**
 * Who may reach what: one request filter reads the tool session once, checks it against the
 * access rule declared on the resource ({@link eu.somework.session.Allow} or
 * {@link eu.somework.session.Public}; none means refused), and puts a request-scoped
 * {@link eu.somework.access.RequestContext} in place. Resources never read the session token.
 */
package eu.somework.access;
