package eu.somework.grading;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.somework.course.ResourceLink;
import eu.somework.course.ResourceLinks;
import eu.somework.lti.LaunchRole;
import eu.somework.lti.LtiException;
import eu.somework.lti.PlatformRegistration;
import eu.somework.lti.ServiceCall;
import eu.somework.lti.ServiceResult;
import eu.somework.lti.ServiceToken;
import eu.somework.lti.nrps.Member;
import eu.somework.lti.nrps.MemberStatus;
import eu.somework.lti.nrps.MembershipClient;
import eu.somework.platform.PlatformDirectory;
import eu.somework.platform.ServiceTokens;
import eu.somework.session.ToolSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The course's learners as the platform lists them (NRPS 2.0, the launch's
 * {@code context_memberships_url}), so the grading list shows every student, also those who never
 * opened the tool. Read once per course and kept for {@link #KEPT} (a roster changes slowly; a
 * teacher paging through the list must not cost a roster request each time). A platform that
 * offers no roster, or fails, gives an empty answer: the list then shows who launched and who wrote.
 */
@ApplicationScoped
public class PlatformRoster {
  static final Duration KEPT = Duration.ofMinutes(5);
  private static final Logger LOG = Logger.getLogger(PlatformRoster.class.getName());

  @Inject ResourceLinks links;
  @Inject PlatformDirectory platforms;
  @Inject ServiceTokens tokens;
  @Inject Clock clock;
  private final Cache<String, List<Member>> kept = Caffeine.newBuilder().expireAfterWrite(KEPT)
      .maximumSize(2_000).build();

  /**
   * The active members with the Learner role (and no teaching role) of the session's course, by
   * the platform's roster; empty when there is none to read.
   */
  public List<Member> learners(ToolSession teacher) {
    Optional<URI> url = links.of(teacher).flatMap(ResourceLink::contextMembershipsUrl).map(URI::create);
    Optional<PlatformRegistration> registration = platforms.find(teacher.issuer(), teacher.clientId());
    if (url.isEmpty() || registration.isEmpty()) {
      return List.of();
    }
    String key = teacher.issuer() + " " + teacher.clientId() + " " + teacher.deploymentId() + " " + url.get();
    List<Member> members = kept.getIfPresent(key);
    if (members == null) {
      members = read(registration.get(), url.get());
      if (members == null) {
        return List.of();
      }
      kept.put(key, members);
    }
    return members.stream().filter(m -> m.status() == MemberStatus.ACTIVE)
        .filter(m -> {
          Set<LaunchRole> roles = LaunchRole.fromLti(m.roles());
          return roles.contains(LaunchRole.LEARNER) && !roles.contains(LaunchRole.INSTRUCTOR);
        }).toList();
  }

  /** The roster, or null when the platform would not give it (logged without names or ids). */
  private List<Member> read(PlatformRegistration registration, URI url) {
    try {
      ServiceToken token = tokens.get(registration, Set.of(MembershipClient.SCOPE));
      ServiceResult<List<Member>> answer = new MembershipClient(new ServiceCall(clock, Duration.ofSeconds(10)))
          .members(token, url, OptionalInt.empty());
      if (answer instanceof ServiceResult.TokenRejected<?>) {
        tokens.forget(registration, Set.of(MembershipClient.SCOPE));
      }
      if (answer instanceof ServiceResult.Delivered<List<Member>> delivered) {
        return delivered.value();
      }
      LOG.info(() -> "Roster of a course on " + registration.issuer() + " not read: " + answer.describe());
    } catch (LtiException e) {
      LOG.info(() -> "Roster of a course on " + registration.issuer() + " not read: " + e.getMessage());
    }
    return null;
  }
}
