package eu.somework.simulator;

import java.util.List;
import java.util.Optional;

/** The simulator's demo course and the people in it. Fictional people, fixed ids. */
public final class DemoCourse {
  public static final String CONTEXT_ID = "demo-course-101";
  public static final String CONTEXT_LABEL = "SOME101";
  public static final String CONTEXT_TITLE = "Social media at work (demo course)";
  public static final String DEFAULT_LINK_ID = "rl-module";
  public static final String DEFAULT_LINK_TITLE = "SoMe@Work — the module";

  /** Who a simulated person is in the course. */
  public enum Kind { STUDENT, TEACHER, ADMINISTRATOR }

  /** A person of the demo course. */
  public record Person(String id, String givenName, String familyName, Kind kind, String locale) {
    public String name() {
      return givenName + " " + familyName;
    }

    public List<String> ltiRoles() {
      return switch (kind) {
        case STUDENT -> List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student");
        case TEACHER -> List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor");
        // what Moodle sends for a site administrator
        case ADMINISTRATOR -> List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
            "urn:lti:sysrole:ims/lis/Administrator", "urn:lti:instrole:ims/lis/Administrator");
      };
    }
  }

  public static final List<Person> PEOPLE = List.of(
      new Person("sim-student-aino", "Aino", "Virtanen", Kind.STUDENT, "fi-FI"),
      new Person("sim-student-janis", "Jānis", "Bērziņš", Kind.STUDENT, "lv-LV"),
      new Person("sim-student-zofia", "Zofia", "Nowak", Kind.STUDENT, "pl_PL"),
      new Person("sim-student-layla", "Layla", "Haddad", Kind.STUDENT, "ar"),
      new Person("sim-student-sam", "Sam", "Taylor", Kind.STUDENT, "en-GB"),
      new Person("sim-teacher-maria", "Maria", "Lind", Kind.TEACHER, "en"),
      new Person("sim-admin", "Site", "Administrator", Kind.ADMINISTRATOR, "en"));

  private DemoCourse() {}

  public static Optional<Person> person(String id) {
    return PEOPLE.stream().filter(p -> p.id().equals(id)).findFirst();
  }
}
