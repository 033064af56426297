/**
 * Registered platforms and their deployments (from {@code lti-config/platforms/*.json}, the
 * simulator, later dynamic registration), the tool's own signing keys and its published JWKS.
 */
package eu.somework.platform;
