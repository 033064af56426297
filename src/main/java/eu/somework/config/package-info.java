/**
 * The tool's configuration: a typed view over MicroProfile Config ({@link eu.somework.config.Settings}),
 * the start-up check that refuses a malformed or, in production mode, unsafe configuration
 * ({@link eu.somework.config.ConfigurationCheck}), and the clock the tool asks for the time.
 */
package eu.somework.config;
