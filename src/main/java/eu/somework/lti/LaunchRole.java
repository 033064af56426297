package eu.somework.lti;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an LTI role list means for this tool. Accepts full vocabulary URIs, the short names some
 * platforms send, and the LTI 1.1 URNs Moodle still sends for administrators.
 */
public enum LaunchRole {
  LEARNER,
  INSTRUCTOR,
  ADMINISTRATOR;

  private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";
  private static final String INSTITUTION = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";
  private static final String SYSTEM = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";

  public static Set<LaunchRole> fromLti(Collection<String> roles) {
    Set<LaunchRole> context = EnumSet.noneOf(LaunchRole.class);
    Set<LaunchRole> institution = EnumSet.noneOf(LaunchRole.class);
    for (String role : roles) {
      if (role == null) {
        continue;
      }
      String r = role.trim();
      if (isAdministrator(r)) {
        institution.add(ADMINISTRATOR);
      } else if (r.startsWith(INSTITUTION) || r.startsWith("urn:lti:instrole:")) {
        String name = localName(r);
        if (name.equals("Instructor") || name.equals("Faculty")) {
          institution.add(INSTRUCTOR);
        } else if (name.equals("Student") || name.equals("Learner")) {
          institution.add(LEARNER);
        }
      } else {
        contextRole(localName(r)).ifPresent(context::add);
      }
    }
    Set<LaunchRole> result = EnumSet.copyOf(context.isEmpty() ? institution : context);
    if (institution.contains(ADMINISTRATOR)) {
      result.add(ADMINISTRATOR);
    }
    return result;
  }

  private static boolean isAdministrator(String r) {
    return r.equals(INSTITUTION + "Administrator")
        || r.equals(SYSTEM + "Administrator")
        || r.equals(SYSTEM + "SysAdmin")
        || r.equals("urn:lti:instrole:ims/lis/Administrator")
        || r.equals("urn:lti:sysrole:ims/lis/Administrator")
        || r.equals("urn:lti:sysrole:ims/lis/SysAdmin");
  }

  private static java.util.Optional<LaunchRole> contextRole(String name) {
    return switch (name) {
      case "Learner", "Student" -> java.util.Optional.of(LEARNER);
      case "Instructor", "TeachingAssistant", "ContentDeveloper", "Administrator", "Grader" ->
          java.util.Optional.of(INSTRUCTOR);
      default -> java.util.Optional.empty();
    };
  }

  /**
   * "…/membership#Instructor" → Instructor; "…/membership/Instructor#TeachingAssistant" →
   * TeachingAssistant; "urn:lti:role:ims/lis/Learner" → Learner; "Learner" → Learner.
   */
  static String localName(String role) {
    int hash = role.lastIndexOf('#');
    if (hash >= 0) {
      return role.substring(hash + 1);
    }
    int slash = role.lastIndexOf('/');
    return slash >= 0 ? role.substring(slash + 1) : role;
  }

  static boolean isMembershipUri(String role) {
    return role.startsWith(MEMBERSHIP);
  }
}
