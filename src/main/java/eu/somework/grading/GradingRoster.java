package eu.somework.grading;

import eu.somework.course.CourseMember;
import eu.somework.course.CourseMembers;
import eu.somework.course.ResourceLink;
import eu.somework.course.ResourceLinks;
import eu.somework.lti.nrps.Member;
import eu.somework.reflection.CourseKey;
import eu.somework.reflection.Reflections;
import eu.somework.session.ToolSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who is graded on a unit in the teacher's course, and where each stands: the course members with
 * the student role merged with everyone who wrote a reflection there and the learners the platform's roster lists (NRPS),
 * each with their latest submitted version, grade and newest gradebook score. Everything is read
 * for the session's own course (registration, deployment, context), never for ids from a request.
 */
@ApplicationScoped
public class GradingRoster {
  @Inject CourseMembers members;
  @Inject Reflections reflections;
  @Inject GradingService grading;
  @Inject ScoreOutbox outbox;
  @Inject ResourceLinks links;
  @Inject PlatformRoster platformRoster;

  /** A roster outside a container (tests). */
  static GradingRoster over(CourseMembers members, Reflections reflections, GradingService grading,
      ScoreOutbox outbox, ResourceLinks links) {
    return over(members, reflections, grading, outbox, links, null);
  }

  /** A roster outside a container (tests) that also merges the platform's roster. */
  static GradingRoster over(CourseMembers members, Reflections reflections, GradingService grading,
      ScoreOutbox outbox, ResourceLinks links, PlatformRoster platformRoster) {
    GradingRoster roster = new GradingRoster();
    roster.members = members;
    roster.reflections = reflections;
    roster.grading = grading;
    roster.outbox = outbox;
    roster.links = links;
    roster.platformRoster = platformRoster;
    return roster;
  }

  /** Every student of the unit in the teacher's course, as the list shows them (members by name, then other authors). */
  List<GradingPage.Facts> facts(ToolSession teacher, String unitId) {
    CourseKey course = CourseKey.of(teacher);
    Map<String, GradingPage.Student> students = new LinkedHashMap<>();
    for (CourseMember m : members.students(teacher)) {
      students.put(m.userId(), new GradingPage.Student(m.userId(), m.displayName()));
    }
    // the platform's roster adds the learners who never opened the tool (and a name where a launch sent none)
    for (Member m : learners(teacher)) {
      Optional<String> name = m.name().or(() -> m.givenName().map(g -> g + m.familyName().map(f -> " " + f).orElse("")));
      students.merge(m.userId(), new GradingPage.Student(m.userId(), name),
          (known, listed) -> known.name().isPresent() ? known : listed);
    }
    // ids only: loading every version with its text made this most of the list's time in a large course
    Map<String, Optional<String>> latest = reflections.latestVersionIds(course, unitId);
    latest.keySet().stream().sorted().forEach(user -> students.putIfAbsent(user,
        new GradingPage.Student(user, Optional.empty())));
    Map<String, Grade.View> grades = grading.forUnit(course.issuer(), course.clientId(), course.deploymentId(),
        course.contextId(), unitId).stream().collect(Collectors.toMap(g -> g.key().userId(), Function.identity()));
    Map<String, OutboxEntry.Snapshot> scores = scores(course, unitId);
    List<GradingPage.Facts> facts = new ArrayList<>();
    for (GradingPage.Student s : students.values()) {
      String user = s.userId();
      Optional<String> version = latest.getOrDefault(user, Optional.empty());
      facts.add(new GradingPage.Facts(s, version.isPresent(), latest.containsKey(user), version,
          Optional.ofNullable(grades.get(user)), Optional.ofNullable(scores.get(user))));
    }
    return facts;
  }

  /** Whether the user is a student of the teacher's course or wrote a reflection on the unit there. */
  boolean isStudent(ToolSession teacher, String unitId, String userId) {
    return members.students(teacher).stream().anyMatch(m -> m.userId().equals(userId))
        || learners(teacher).stream().anyMatch(m -> m.userId().equals(userId))
        || reflections.latestVersionIds(CourseKey.of(teacher), unitId).containsKey(userId);
  }

  /** Why the platform's roster of the teacher's course could not be read just now; empty when it could or offers none. */
  Optional<String> rosterProblem(ToolSession teacher) {
    return platformRoster == null ? Optional.empty() : platformRoster.problem(teacher);
  }

  private List<Member> learners(ToolSession teacher) {
    return platformRoster == null ? List.of() : platformRoster.learners(teacher);
  }

  /** Whether the unit has a gradebook column in the course (a launch with an AGS claim opened it). */
  boolean hasGradebook(CourseKey course, String unitId) {
    return gradedLink(course, unitId).isPresent();
  }

  /** The newest score per student for the unit's gradebook column in the course (empty: no column). */
  Map<String, OutboxEntry.Snapshot> scores(CourseKey course, String unitId) {
    return gradedLink(course, unitId).map(link -> outbox.latestPerUser(course.issuer(), course.clientId(),
        course.deploymentId(), link.resourceLinkId())).orElse(Map.of());
  }

  private Optional<ResourceLink> gradedLink(CourseKey course, String unitId) {
    return links.gradedLinkFor(course.issuer(), course.clientId(), course.deploymentId(), course.contextId(), unitId);
  }

  /** The grade key of a student of the teacher's course: the course always from the session. */
  static GradeKey key(ToolSession teacher, String unitId, String userId) {
    return new GradeKey(teacher.issuer(), teacher.clientId(), teacher.deploymentId(), teacher.contextId(), unitId,
        userId);
  }
}
