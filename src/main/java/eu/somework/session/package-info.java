/**
 * The tool session after a launch: who (platform user id and role) launched from where
 * (registration, deployment, context, resource link), as a signed token bound to a browser
 * cookie. Knows nothing of requests or pages; {@code access} checks sessions on requests.
 */
package eu.somework.session;
