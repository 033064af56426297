package eu.somework.testsupport;

import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import java.time.Instant;
import java.util.Optional;

/** Tool sessions as a launch would produce them, for tests. */
public final class Sessions {
  public static final String ISSUER = "https://lms.example.org";
  public static final String COURSE = "course-1";

  private Sessions() {}

  public static ToolSession of(ToolRole role, String userId, String name, String course, String locale) {
    return new ToolSession(ISSUER, "client-1", "deployment-1", Optional.ofNullable(userId), Optional.ofNullable(name),
        role, course, Optional.of("Social media at work, spring"), Optional.of("link-1"), Optional.of("Module"),
        Optional.ofNullable(locale), Optional.empty(), Optional.empty(), Instant.now().plusSeconds(3600));
  }

  public static ToolSession student(String userId, String name) {
    return of(ToolRole.STUDENT, userId, name, COURSE, "en");
  }

  public static ToolSession teacher() {
    return of(ToolRole.TEACHER, "teacher-1", "Tiina Teacher", COURSE, "fi-FI");
  }

  public static ToolSession anonymous() {
    return of(ToolRole.GUEST, null, null, COURSE, null);
  }

  public static ToolSession withUnit(ToolSession s, String unit) {
    return new ToolSession(s.issuer(), s.clientId(), s.deploymentId(), s.userId(), s.displayName(), s.role(),
        s.contextId(), s.contextTitle(), s.resourceLinkId(), s.resourceLinkTitle(), s.locale(), Optional.of(unit),
        s.deepLinking(), s.expiresAt());
  }

  public static ToolSession withCourseTitle(ToolSession s, String title) {
    return new ToolSession(s.issuer(), s.clientId(), s.deploymentId(), s.userId(), s.displayName(), s.role(),
        s.contextId(), Optional.of(title), s.resourceLinkId(), s.resourceLinkTitle(), s.locale(), s.unit(),
        s.deepLinking(), s.expiresAt());
  }
}
