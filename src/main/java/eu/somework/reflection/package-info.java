/**
 * Students' blog reflections. A {@link eu.somework.reflection.Reflection} per student, unit and
 * course (registration + deployment + context) holds the autosaved draft, the visibility the
 * student chose (private to the course's teachers by default, or shared with the cohort) and every
 * submitted {@link eu.somework.reflection.ReflectionVersion}, whose id is what a grade refers to;
 * the course blog lists shared, submitted reflections with plain-text comments.
 *
 * <p>{@link eu.somework.reflection.Reflections} and {@link eu.somework.reflection.CourseBlog} are
 * the use cases (grading reads versions through {@code Reflections.submittedVersions} and
 * {@code Reflections.version}); the resources are thin. Student HTML is sanitised on the way in by
 * {@link eu.somework.reflection.ReflectionHtml} (jsoup's Safelist) and again when read back, and
 * only that sanitised HTML is written unescaped into pages. Reflection and comment texts are
 * personal data (docs/privacy.md): nothing here logs them.
 */
package eu.somework.reflection;
