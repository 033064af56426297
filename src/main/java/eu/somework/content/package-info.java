/**
 * The module: the unit catalogue read from {@code module-content/} (format in that folder's
 * README), its validation with file:line messages, safe rendering of the unit texts
 * (commonmark-java, https://commonmark.org/), the overview, unit and progress pages, the learner's
 * language choice, and progress per learner. Deep Linking lists and finds units through
 * {@link eu.somework.content.ContentCatalogue}.
 */
package eu.somework.content;
