/**
 * The built-in LTI 1.3 platform (off in production): a demo course, its people, an OIDC
 * authorization endpoint, key set, token endpoint and deep-linking return URL. It talks to the
 * tool only over HTTP with the standard protocol, so using it proves the protocol.
 *
 * <p>It also registers tools through LTI Dynamic Registration 1.0
 * (https://www.imsglobal.org/spec/lti-dr/v1p0): an OpenID configuration
 * ({@link eu.somework.simulator.SimulatorConfigurationResource}), a registration endpoint with
 * one-time tokens ({@link eu.somework.simulator.SimulatorRegistrationResource}), and launches and
 * service tokens as each registered client ({@link eu.somework.simulator.SimClient}).
 *
 * <p>Its entities ({@code Sim*}) map its own tables column by column, so their field declarations
 * look alike (e.g. {@code SimRegistrationToken} and {@code SimToolRegistration}) as those of every
 * JPA entity do; they share no behaviour, and a mapped superclass would tie unrelated tables together.
 */
package eu.somework.simulator;
