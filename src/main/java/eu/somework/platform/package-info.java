/**
 * Registered platforms and their deployments (from {@code lti-config/platforms/*.json}, the
 * simulator, dynamic registration through {@code eu.somework.registration}), the tool's own signing keys and its published JWKS.
 */
package eu.somework.platform;
