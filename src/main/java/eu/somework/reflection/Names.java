package eu.somework.reflection;

import eu.somework.course.CourseMember;
import eu.somework.course.CourseMembers;
import eu.somework.session.ToolSession;
import java.util.HashMap;
import java.util.Map;

/** The names the platform last sent for the students of a course, by user id (those it sent none for are left out). */
final class Names {
  private Names() {}

  static Map<String, String> of(CourseMembers members, ToolSession course) {
    Map<String, String> names = new HashMap<>();
    for (CourseMember m : members.students(course)) {
      m.displayName().ifPresent(name -> names.put(m.userId(), name));
    }
    return names;
  }
}
