package eu.somework.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who can launch from the simulator: the fixed people, and generated learners by number. */
class DemoCourseTest {
  @Test
  void aGeneratedLearnerIsAStudentNamedByNumber() {
    DemoCourse.Person learner = DemoCourse.person("sim-learner-1742").orElseThrow();
    assertEquals("Learner 1742", learner.name());
    assertEquals(DemoCourse.Kind.STUDENT, learner.kind());
    assertEquals(DemoCourse.PEOPLE.get(0).ltiRoles(), learner.ltiRoles(), "the roles a fixed student has");
    assertTrue(DemoCourse.isGenerated("sim-learner-99999"));
    assertFalse(DemoCourse.isGenerated("sim-student-aino"));
    assertEquals("Aino Virtanen", DemoCourse.person("sim-student-aino").orElseThrow().name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sim-learner-0", "sim-learner-017", "sim-learner-100000", "sim-learner--1", "sim-learner-",
      "sim-learner-1x", "sim-learner-١", "sim-teacher-1", "learner-1"})
  void noOtherIdIsAPerson(String id) {
    assertTrue(DemoCourse.person(id).isEmpty(), id);
    assertFalse(DemoCourse.isGenerated(id), id);
  }
}
