package eu.somework.reflection;

import eu.somework.session.ToolSession;

/**
 * A course as LTI scopes it: registration (issuer + client id), deployment, context. A context id
 * is unique only within a deployment, so all four together name one course.
 */
public record CourseKey(String issuer, String clientId, String deploymentId, String contextId) {
  /** The course of a launch; the session must have a context ({@link ToolSession#hasContext()}). */
  public static CourseKey of(ToolSession session) {
    if (!session.hasContext()) {
      throw new IllegalArgumentException("the session has no course (LTI context)");
    }
    return new CourseKey(session.issuer(), session.clientId(), session.deploymentId(), session.contextId());
  }
}
