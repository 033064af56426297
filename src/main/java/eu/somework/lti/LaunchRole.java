package eu.somework.lti;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
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
  private static final String LTI11_CONTEXT_ROLE = "urn:lti:role:ims/lis/";
  /** The principal context roles (LTI Core Appendix A.2.3), which platforms may send as short names. */
  private static final Set<String> CONTEXT_ROLE_SHORT_NAMES = Set.of(
      "Administrator", "ContentDeveloper", "Instructor", "Learner", "Mentor", "Manager", "Member", "Officer",
      // not principal roles, but short names platforms send for learners and teaching assistants
      "Student", "TeachingAssistant", "Grader");

  /**
   * The tool roles a launch's role list grants (LTI Core §5.3.7, Appendix A.2).
   *
   * <p>Context (membership) roles decide. When the list holds any context role — including ones
   * that grant nothing here, such as Mentor or Member — institution roles are ignored: a course
   * Mentor who is Faculty elsewhere in the institution is not this course's teacher. Only without
   * any context role do institution roles (Instructor/Faculty, Student/Learner) stand in. The
   * administrator is the system administrator (LIS system role or Moodle's
   * {@code urn:lti:sysrole:ims/lis/Administrator}), with or without context roles; an institution
   * Administrator counts only without a context role.
   *
   * @param roles the roles claim, as full URIs, short names or LTI 1.1 URNs; nulls are skipped
   * @return the tool roles, possibly empty (a guest)
   */
  public static Set<LaunchRole> fromLti(Collection<String> roles) {
    Set<LaunchRole> context = EnumSet.noneOf(LaunchRole.class);
    Set<LaunchRole> institution = EnumSet.noneOf(LaunchRole.class);
    boolean anyContextRole = false;
    boolean systemAdministrator = false;
    for (String role : roles) {
      if (role == null) {
        continue;
      }
      String r = role.trim();
      if (isSystemAdministrator(r)) {
        systemAdministrator = true;
      } else if (isInstitutionAdministrator(r)) {
        institution.add(ADMINISTRATOR);
      } else if (r.startsWith(INSTITUTION) || r.startsWith("urn:lti:instrole:")) {
        String name = localName(r);
        if (name.equals("Instructor") || name.equals("Faculty")) {
          institution.add(INSTRUCTOR);
        } else if (name.equals("Student") || name.equals("Learner")) {
          institution.add(LEARNER);
        }
      } else {
        Optional<String> principal = principalContextRole(r);
        if (principal.isPresent()) {
          anyContextRole = true;
          contextRole(principal.get()).ifPresent(context::add);
        }
      }
    }
    Set<LaunchRole> result = EnumSet.copyOf(anyContextRole ? context : institution);
    if (systemAdministrator) {
      result.add(ADMINISTRATOR);
    }
    return result;
  }

  private static boolean isSystemAdministrator(String r) {
    return r.equals(SYSTEM + "Administrator")
        || r.equals(SYSTEM + "SysAdmin")
        || r.equals("urn:lti:sysrole:ims/lis/Administrator")
        || r.equals("urn:lti:sysrole:ims/lis/SysAdmin");
  }

  private static boolean isInstitutionAdministrator(String r) {
    return r.equals(INSTITUTION + "Administrator") || r.equals("urn:lti:instrole:ims/lis/Administrator");
  }

  private static Optional<LaunchRole> contextRole(String name) {
    return switch (name) {
      case "Learner", "Student" -> Optional.of(LEARNER);
      case "Instructor", "TeachingAssistant", "ContentDeveloper", "Administrator", "Grader" ->
          Optional.of(INSTRUCTOR);
      default -> Optional.empty();
    };
  }

  /** "…/institution/person#Faculty" → Faculty; "urn:lti:instrole:ims/lis/Faculty" → Faculty. */
  static String localName(String role) {
    int hash = role.lastIndexOf('#');
    if (hash >= 0) {
      return role.substring(hash + 1);
    }
    int slash = role.lastIndexOf('/');
    return slash >= 0 ? role.substring(slash + 1) : role;
  }

  /**
   * The principal context role a role names, or empty when it is not a context role at all.
   * "…/membership#Instructor" → Instructor; "Instructor" → Instructor (short names of the context
   * roles of LTI Core Appendix A.2.3; any other bare word is not a context role); "urn:lti:role:ims/lis/Instructor" → Instructor. A sub-role belongs to its
   * principal role (Appendix A.2.3.1): "…/membership/Learner#Instructor" is a kind of learner, so →
   * Learner. A URI of another vocabulary may end in "#Instructor" and still say nothing about the
   * course, so it is ignored.
   */
  static Optional<String> principalContextRole(String role) {
    if (role.startsWith(MEMBERSHIP + "#")) {
      return Optional.of(role.substring(MEMBERSHIP.length() + 1));
    }
    if (role.startsWith(MEMBERSHIP + "/")) {
      String principalAndSub = role.substring(MEMBERSHIP.length() + 1);
      int hash = principalAndSub.indexOf('#');
      return Optional.of(hash >= 0 ? principalAndSub.substring(0, hash) : principalAndSub);
    }
    if (role.startsWith(LTI11_CONTEXT_ROLE)) {
      String principalAndSub = role.substring(LTI11_CONTEXT_ROLE.length());
      int slash = principalAndSub.indexOf('/');
      return Optional.of(slash >= 0 ? principalAndSub.substring(0, slash) : principalAndSub);
    }
    return CONTEXT_ROLE_SHORT_NAMES.contains(role) ? Optional.of(role) : Optional.empty();
  }
}
