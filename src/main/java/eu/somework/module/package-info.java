/**
 * The pages a launch opens: the module overview, a unit with its task, the files a unit ships, the
 * teacher's progress view, and the language menu every page carries. Reads units from
 * {@link eu.somework.content.ContentCatalogue} and the learner's state from
 * {@code eu.somework.progress}.
 */
package eu.somework.module;
