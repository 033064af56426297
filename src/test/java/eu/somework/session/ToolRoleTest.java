package eu.somework.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.lti.LaunchRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a launched user may do, from the roles Moodle and other platforms send. */
class ToolRoleTest {
  static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
  static final String INSTITUTION = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";

  static ToolRole of(String... roles) {
    return ToolRole.of(LaunchRole.fromLti(List.of(roles)), false);
  }

  @Test
  void courseInstructorTeaches() {
    assertEquals(ToolRole.TEACHER, of(MEMBERSHIP + "Instructor", INSTITUTION + "Instructor"));
  }

  @Test
  void courseMentorWhoIsAnInstitutionInstructorDoesNotGetTheTeachersView() {
    ToolRole role = of(MEMBERSHIP + "Mentor", INSTITUTION + "Instructor");

    assertEquals(ToolRole.GUEST, role);
    assertFalse(role.canTeach());
  }

  @Test
  void courseLearnerWhoIsAnInstitutionAdministratorIsAStudent() {
    assertEquals(ToolRole.STUDENT, of(MEMBERSHIP + "Learner", "urn:lti:instrole:ims/lis/Administrator"));
  }

  @Test
  void moodleSiteAdministratorIsAdministrator() {
    ToolRole role = of(MEMBERSHIP + "Instructor", "urn:lti:sysrole:ims/lis/Administrator",
        "urn:lti:instrole:ims/lis/Administrator");

    assertEquals(ToolRole.ADMINISTRATOR, role);
    assertTrue(role.canTeach());
  }

  @Test
  void institutionFacultyWithoutACourseRoleTeaches() {
    assertEquals(ToolRole.TEACHER, of(INSTITUTION + "Faculty"));
  }

  @Test
  void anonymousLaunchIsAGuestWhateverItsRoles() {
    assertEquals(ToolRole.GUEST, ToolRole.of(LaunchRole.fromLti(List.of(MEMBERSHIP + "Instructor")), true));
  }
}
