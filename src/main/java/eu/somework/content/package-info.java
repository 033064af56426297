/**
 * The unit catalogue: the module's units read from {@code module-content/} (format in that
 * folder's README), their validation with file:line messages, and safe rendering of the unit texts
 * (commonmark-java, https://commonmark.org/) and of the reflection task with its rubric. It knows
 * no session, request or database, so the pages ({@code eu.somework.module}), Deep Linking and
 * grading all read the same {@link eu.somework.content.ContentCatalogue}.
 */
package eu.somework.content;
