/**
 * The database: versioned migrations run at start-up, and the JPA persistence unit the features'
 * repositories use. Shared state (login states, used nonces, keys) lives here so that every
 * instance of the tool sees the same.
 */
package eu.somework.persistence;
