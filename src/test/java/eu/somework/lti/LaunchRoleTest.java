package eu.somework.lti;

import static eu.somework.lti.LaunchRole.ADMINISTRATOR;
import static eu.somework.lti.LaunchRole.INSTRUCTOR;
import static eu.somework.lti.LaunchRole.LEARNER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the roles of a launch mean for the tool (LTI Core 1.3 §5.3.7 and Appendix A.2). */
class LaunchRoleTest {
  static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";
  static final String INSTITUTION = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";
  static final String SYSTEM = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";

  static Set<LaunchRole> of(String... roles) {
    return LaunchRole.fromLti(Arrays.asList(roles));
  }

  @Test
  void fullContextRoleUris() {
    assertEquals(Set.of(LEARNER), of(MEMBERSHIP + "#Learner"));
    assertEquals(Set.of(INSTRUCTOR), of(MEMBERSHIP + "#Instructor"));
    assertEquals(Set.of(INSTRUCTOR), of(MEMBERSHIP + "#ContentDeveloper"));
    assertEquals(Set.of(INSTRUCTOR), of(MEMBERSHIP + "#Administrator"), "a course administrator teaches");
  }

  @Test
  void shortNamesOfContextRoles() {
    assertEquals(Set.of(LEARNER), of("Learner"));
    assertEquals(Set.of(INSTRUCTOR), of("Instructor"));
    assertEquals(Set.of(INSTRUCTOR), of(" Instructor "));
  }

  @Test
  void teachingAssistantSubRoleTeaches() {
    assertEquals(Set.of(INSTRUCTOR), of(MEMBERSHIP + "/Instructor#TeachingAssistant"));
    assertEquals(Set.of(INSTRUCTOR), of(MEMBERSHIP + "/Instructor#Grader"));
  }

  @Test
  void subRoleCountsAsItsPrincipalRole() {
    // membership/Learner#Instructor is a kind of learner, not a teacher: the principal role decides
    assertEquals(Set.of(LEARNER), of(MEMBERSHIP + "/Learner#Instructor"));
    assertEquals(Set.of(LEARNER), of(MEMBERSHIP + "/Learner#GuestLearner"));
    assertEquals(Set.of(INSTRUCTOR), of(MEMBERSHIP + "/Instructor#GuestInstructor"));
  }

  @Test
  void lti11Urns() {
    assertEquals(Set.of(LEARNER), of("urn:lti:role:ims/lis/Learner"));
    assertEquals(Set.of(INSTRUCTOR), of("urn:lti:role:ims/lis/Instructor"));
    assertEquals(Set.of(INSTRUCTOR), of("urn:lti:role:ims/lis/Instructor/TeachingAssistant"));
    assertEquals(Set.of(LEARNER), of("urn:lti:role:ims/lis/Learner/Instructor"));
  }

  @Test
  void moodleSiteAdministratorIsAdministrator() {
    Set<LaunchRole> roles = of(
        MEMBERSHIP + "#Instructor",
        "urn:lti:sysrole:ims/lis/Administrator",
        "urn:lti:instrole:ims/lis/Administrator");

    assertEquals(Set.of(INSTRUCTOR, ADMINISTRATOR), roles);
  }

  @Test
  void administratorOfInstitutionOrSystem() {
    assertEquals(Set.of(ADMINISTRATOR), of(INSTITUTION + "Administrator"));
    assertEquals(Set.of(ADMINISTRATOR), of(SYSTEM + "Administrator"));
    assertEquals(Set.of(ADMINISTRATOR), of(SYSTEM + "SysAdmin"));
    assertEquals(Set.of(ADMINISTRATOR), of("urn:lti:sysrole:ims/lis/Administrator"));
    assertEquals(Set.of(ADMINISTRATOR), of("urn:lti:instrole:ims/lis/Administrator"));
    assertEquals(Set.of(LEARNER, ADMINISTRATOR), of(MEMBERSHIP + "#Learner", SYSTEM + "Administrator"));
  }

  @Test
  void institutionAdministratorEnrolledInTheCourseGetsTheCourseRoleOnly() {
    // an institution role never outranks the course role; the system administrator does (Moodle)
    assertEquals(Set.of(LEARNER), of(MEMBERSHIP + "#Learner", INSTITUTION + "Administrator"));
    assertEquals(Set.of(LEARNER), of(MEMBERSHIP + "#Learner", "urn:lti:instrole:ims/lis/Administrator"));
  }

  @Test
  void courseMentorWhoIsAnInstitutionInstructorIsNotATeacher() {
    assertEquals(Set.of(), of(MEMBERSHIP + "#Mentor", INSTITUTION + "Instructor"));
    assertEquals(Set.of(), of(MEMBERSHIP + "#Mentor", INSTITUTION + "Faculty"));
    assertEquals(Set.of(), of("Mentor", "urn:lti:instrole:ims/lis/Instructor"));
    assertEquals(Set.of(), of("urn:lti:role:ims/lis/Mentor", INSTITUTION + "Faculty"));
    assertEquals(Set.of(), of(MEMBERSHIP + "/Mentor#Advisor", INSTITUTION + "Faculty"));
  }

  @Test
  void contextRolesThatGrantNothingStillSilenceInstitutionRoles() {
    assertEquals(Set.of(), of(MEMBERSHIP + "#Member", INSTITUTION + "Faculty"));
    assertEquals(Set.of(), of(MEMBERSHIP + "#Officer", INSTITUTION + "Student"));
  }

  @Test
  void wordsThatAreNoContextRoleLeaveInstitutionRolesStanding() {
    // not LTI role names at all: they say nothing about the course
    assertEquals(Set.of(INSTRUCTOR), of("Observer", INSTITUTION + "Faculty"));
    assertEquals(Set.of(INSTRUCTOR), of(SYSTEM + "User", INSTITUTION + "Faculty"));
  }

  @Test
  void institutionRolesCountOnlyWithoutAContextRole() {
    assertEquals(Set.of(INSTRUCTOR), of(INSTITUTION + "Faculty"));
    assertEquals(Set.of(LEARNER), of(INSTITUTION + "Student"));
    assertEquals(Set.of(INSTRUCTOR), of("urn:lti:instrole:ims/lis/Instructor"));
    // faculty member enrolled as a learner in this course: the course role wins
    assertEquals(Set.of(LEARNER), of(INSTITUTION + "Faculty", MEMBERSHIP + "#Learner"));
  }

  @Test
  void unknownRolesAreIgnored() {
    assertEquals(Set.of(), of(MEMBERSHIP + "#Mentor"));
    assertEquals(Set.of(), of(SYSTEM + "User", "http://purl.imsglobal.org/vocab/lti/system/person#TestUser"));
    assertEquals(Set.of(), of("urn:lti:sysrole:ims/lis/User"));
    assertEquals(Set.of(LEARNER), of("Learner", "Observer", null, ""));
  }

  @Test
  void roleOfAnotherVocabularyIsNotAContextRole() {
    // only the LIS membership vocabulary (or its short names) says what someone does in the course
    assertEquals(Set.of(), of("https://lms.example.org/roles#Instructor"));
    assertEquals(Set.of(LEARNER), of(MEMBERSHIP + "#Learner", "https://lms.example.org/roles#Instructor"));
  }

  @Test
  void noRolesMeansNoToolRole() {
    assertEquals(Set.of(), of());
  }
}
