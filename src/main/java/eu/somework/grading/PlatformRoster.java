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
 * offers no roster gives an empty answer: the list then shows who launched and who wrote. One that
 * fails gives an empty answer too, and {@link #problem} says why for {@link #RETRY_AFTER}, so the
 * teacher knows the list may be short and is not kept waiting on every page.
 */
@ApplicationScoped
public class PlatformRoster {
  static final Duration KEPT = Duration.ofMinutes(5);
  /** How long a failed read is remembered before the next page asks the platform again. */
  static final Duration RETRY_AFTER = Duration.ofMinutes(1);
  /** How long one roster request may take: the teacher's page waits for it. */
  private static final Duration READ_LIMIT = Duration.ofSeconds(6);
  private static final Logger LOG = Logger.getLogger(PlatformRoster.class.getName());

  /** Reads one roster from the platform: its members, or why not ({@link Answer}). */
  interface Source {
    Answer read(PlatformRegistration registration, URI membershipsUrl);
  }

  /** A roster read ({@code members} non-null) or refused ({@code problem}: the reason, without names or ids). */
  record Answer(List<Member> members, String problem) {
    static Answer of(List<Member> members) {
      return new Answer(members, null);
    }

    static Answer failed(String problem) {
      return new Answer(null, problem);
    }
  }

  @Inject ResourceLinks links;
  @Inject PlatformDirectory platforms;
  @Inject ServiceTokens tokens;
  @Inject Clock clock;
  private Source source = this::readFromPlatform;
  private final Cache<String, List<Member>> kept = Caffeine.newBuilder().expireAfterWrite(KEPT)
      .maximumSize(2_000).build();
  private final Cache<String, String> failed = Caffeine.newBuilder().expireAfterWrite(RETRY_AFTER)
      .maximumSize(2_000).build();

  /** A roster outside a container (tests): rosters come from {@code source}. */
  static PlatformRoster over(ResourceLinks links, PlatformDirectory platforms, Source source) {
    PlatformRoster roster = new PlatformRoster();
    roster.links = links;
    roster.platforms = platforms;
    roster.source = source;
    return roster;
  }

  /**
   * The active members with the Learner role (and no teaching role) of the session's course, by
   * the platform's roster; empty when there is none to read or it could not be read.
   */
  public List<Member> learners(ToolSession teacher) {
    Optional<Target> target = target(teacher);
    if (target.isEmpty() || failed.getIfPresent(target.get().key()) != null) {
      return List.of();
    }
    String key = target.get().key();
    List<Member> members = kept.getIfPresent(key);
    if (members == null) {
      Answer answer = source.read(target.get().registration(), target.get().url());
      if (answer.members() == null) {
        failed.put(key, answer.problem());
        return List.of();
      }
      members = answer.members();
      kept.put(key, members);
    }
    return members.stream().filter(m -> m.status() == MemberStatus.ACTIVE)
        .filter(m -> {
          Set<LaunchRole> roles = LaunchRole.fromLti(m.roles());
          return roles.contains(LaunchRole.LEARNER) && !roles.contains(LaunchRole.INSTRUCTOR);
        }).toList();
  }

  /**
   * Why the course's roster could not be read at the last try, within the last {@link #RETRY_AFTER};
   * empty when it was read, is not offered, or was not asked for yet.
   */
  public Optional<String> problem(ToolSession teacher) {
    return target(teacher).map(t -> failed.getIfPresent(t.key()));
  }

  /** The roster's address and the registration to ask with, when the course's launches offered one. */
  private Optional<Target> target(ToolSession teacher) {
    Optional<URI> url = links.of(teacher).flatMap(ResourceLink::contextMembershipsUrl).map(URI::create);
    Optional<PlatformRegistration> registration = platforms.find(teacher.issuer(), teacher.clientId());
    if (url.isEmpty() || registration.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Target(registration.get(), url.get(),
        teacher.issuer() + " " + teacher.clientId() + " " + teacher.deploymentId() + " " + url.get()));
  }

  private record Target(PlatformRegistration registration, URI url, String key) {}

  /** The roster as the platform gives it (logged without names or ids when it does not). */
  private Answer readFromPlatform(PlatformRegistration registration, URI url) {
    String problem;
    try {
      ServiceToken token = tokens.get(registration, Set.of(MembershipClient.SCOPE));
      ServiceResult<List<Member>> answer = new MembershipClient(new ServiceCall(clock, READ_LIMIT))
          .members(token, url, OptionalInt.empty());
      if (answer instanceof ServiceResult.TokenRejected<?>) {
        tokens.forget(registration, Set.of(MembershipClient.SCOPE));
      }
      if (answer instanceof ServiceResult.Delivered<List<Member>> delivered) {
        return Answer.of(delivered.value());
      }
      problem = answer.describe();
    } catch (LtiException e) {
      problem = e.getMessage();
    }
    String reason = problem;
    LOG.info(() -> "Roster of a course on " + registration.issuer() + " not read: " + reason);
    return Answer.failed(reason);
  }
}
