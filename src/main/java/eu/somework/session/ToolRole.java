package eu.somework.session;

import eu.somework.lti.LaunchRole;
import java.util.Set;

/** What a launched user may do in the tool. */
public enum ToolRole {
  STUDENT,
  TEACHER,
  ADMINISTRATOR,
  /** Anonymous launches and roles the tool does not know: read-only. */
  GUEST;

  public static ToolRole of(Set<LaunchRole> roles, boolean anonymous) {
    if (anonymous) {
      return GUEST;
    }
    if (roles.contains(LaunchRole.ADMINISTRATOR)) {
      return ADMINISTRATOR;
    }
    if (roles.contains(LaunchRole.INSTRUCTOR)) {
      return TEACHER;
    }
    return roles.contains(LaunchRole.LEARNER) ? STUDENT : GUEST;
  }

  public boolean canTeach() {
    return this == TEACHER || this == ADMINISTRATOR;
  }
}
