/**
 * Each learner's progress through the units of a course (not started, opened, finished), keyed by
 * registration + deployment + context like all course data, and the course-wide view of it.
 */
package eu.somework.progress;
