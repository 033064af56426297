/** Configuration keys of the tool, read from system properties or the environment. */
package eu.somework.config;
