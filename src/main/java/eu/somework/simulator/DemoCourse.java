package eu.somework.simulator;

import java.util.List;
import java.util.Optional;

/**
 * The simulator's demo course and the people in it: seven fictional people with fixed ids, and as
 * many generated learners as a test or benchmark needs ({@code sim-learner-1} to
 * {@code sim-learner-99999}, "Learner 17", English). A generated learner joins the course at their
 * first launch (the simulator's launch form takes the id like any other person's), from then on
 * the roster lists them and the gradebook takes their scores, as self-enrolment works in Moodle.
 */
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

  /** The id prefix of generated learners; the number follows, 1 to {@value #MAX_GENERATED}, without leading zeros. */
  public static final String GENERATED_PREFIX = "sim-learner-";
  static final int MAX_GENERATED = 99_999;

  private DemoCourse() {}

  /** The fixed person or generated learner with this id; empty for any other id. */
  public static Optional<Person> person(String id) {
    Optional<Person> fixed = PEOPLE.stream().filter(p -> p.id().equals(id)).findFirst();
    return fixed.isPresent() ? fixed : generatedNumber(id).map(DemoCourse::generated);
  }

  /** Whether {@code id} names a generated learner (who is in the course only after a launch). */
  public static boolean isGenerated(String id) {
    return generatedNumber(id).isPresent();
  }

  /** The generated learner number {@code n} (1 to {@value #MAX_GENERATED}). */
  static Person generated(int n) {
    return new Person(GENERATED_PREFIX + n, "Learner", Integer.toString(n), Kind.STUDENT, "en");
  }

  static Optional<Integer> generatedNumber(String id) {
    if (id == null || !id.startsWith(GENERATED_PREFIX)) {
      return Optional.empty();
    }
    String digits = id.substring(GENERATED_PREFIX.length());
    // one spelling per learner: no leading zero, no sign, at most five digits
    if (!digits.matches("[1-9][0-9]{0,4}")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(digits));
  }
}
