/**
 * The launch: OIDC login initiation and the id_token redirect endpoint, login states (each tied
 * to its browser by its own cookie) and used nonces in the database; an accepted launch stores
 * the resource link's service context and opens a tool session ({@code session}).
 */
package eu.somework.launch;
