package eu.somework.grading;

/**
 * Whose grade for what: a course (registration + deployment + context, as LTI promises a context
 * id unique only within a deployment), a unit, and the student's platform user id ({@code sub}).
 */
public record GradeKey(String issuer, String clientId, String deploymentId, String contextId, String unitId,
    String userId) {}
