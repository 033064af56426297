/**
 * The built-in LTI 1.3 platform (off in production): a demo course, its people, an OIDC
 * authorization endpoint, key set, token endpoint and deep-linking return URL. It talks to the
 * tool only over HTTP with the standard protocol, so using it proves the protocol.
 */
package eu.somework.simulator;
