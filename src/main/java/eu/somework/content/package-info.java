/** The module: unit catalogue read from module-content/, rendering, language choice, progress. */
package eu.somework.content;
