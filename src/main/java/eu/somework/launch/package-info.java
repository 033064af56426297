/**
 * The launch: OIDC login initiation and the id_token redirect endpoint, login states and used
 * nonces in the database, and the tool session (a signed token, not a cookie) that follows.
 */
package eu.somework.launch;
