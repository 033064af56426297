package eu.somework.grading;

import eu.somework.course.ResourceLink;
import eu.somework.course.ResourceLinks;
import eu.somework.lti.LtiException;
import eu.somework.lti.PlatformRegistration;
import eu.somework.lti.ServiceCall;
import eu.somework.lti.ServiceResult;
import eu.somework.lti.ServiceToken;
import eu.somework.lti.ags.AgsScope;
import eu.somework.lti.ags.LineItemResult;
import eu.somework.lti.ags.ResultClient;
import eu.somework.platform.PlatformDirectory;
import eu.somework.platform.ServiceTokens;
import eu.somework.reflection.CourseKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Before a regrade overwrites the gradebook: does the platform still hold the grade the tool last
 * delivered? Reads the line item's results (AGS 2.0 §3.3, {@code resultScore} out of
 * {@code resultMaximum} per {@code userId}) with the {@link AgsScope#RESULT_READONLY} scope, only
 * when the launch offered it, and compares them with the last graded score the platform took.
 *
 * <p>Time-bounded ({@link #TIMEOUT} per request) and failure-tolerant: whatever goes wrong becomes
 * {@link Verdict.Unreadable}, which a page shows and which never blocks a release. Scores are
 * compared as shares of their maximum, because platforms scale a result to the line item's maximum
 * (Moodle, Canvas).
 */
@ApplicationScoped
public class GradebookCheck {
  /** The longest a page waits for the platform's answer. */
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  /** Shares closer than this are the same grade (platforms round to a few decimals). */
  static final double SAME = 1e-4;
  private static final Logger LOG = Logger.getLogger(GradebookCheck.class.getName());

  @Inject ResourceLinks links;
  @Inject StoredLineItems stored;
  @Inject PlatformDirectory platforms;
  @Inject ServiceTokens tokens;
  @Inject ScoreOutbox outbox;
  @Inject Clock clock;
  private volatile ServiceCall call;

  /** A check over the given parts outside a container (tests). */
  static GradebookCheck over(ResourceLinks links, StoredLineItems stored, PlatformDirectory platforms,
      ServiceTokens tokens, ScoreOutbox outbox, Clock clock) {
    GradebookCheck check = new GradebookCheck();
    check.links = links;
    check.stored = stored;
    check.platforms = platforms;
    check.tokens = tokens;
    check.outbox = outbox;
    check.clock = clock;
    return check;
  }

  /** What the check found for one student. */
  public sealed interface Verdict {
    /** No graded score was delivered for the student: there is nothing to overwrite by mistake. */
    record NothingSent() implements Verdict {}

    /** The gradebook holds what the tool sent last. */
    record Same() implements Verdict {}

    /**
     * The gradebook holds another grade ({@code held} empty: none) than the {@code sent} score the
     * platform took at {@code sentAt}: someone changed it in the LMS.
     */
    record Changed(Optional<Points> held, Points sent, Instant sentAt) implements Verdict {}

    /** The launch did not offer the result scope: the tool cannot look (said quietly). */
    record NotOffered() implements Verdict {}

    /** The platform could not be asked or did not answer usefully; {@code reason} says why, without tokens. */
    record Unreadable(String reason) implements Verdict {}
  }

  /** A score and its maximum. */
  public record Points(double given, double maximum) {}

  /** The verdict for one student of the unit's gradebook column in the course. */
  public Verdict check(CourseKey course, String unitId, String userId) {
    return checkAll(course, unitId, Optional.of(userId)).getOrDefault(userId, new Verdict.NothingSent());
  }

  /**
   * The verdicts for every student with a delivered grade on the unit's column in the course, from
   * one read of the line item's results; students without one are absent (nothing sent).
   */
  public Map<String, Verdict> checkAll(CourseKey course, String unitId) {
    return checkAll(course, unitId, Optional.empty());
  }

  private Map<String, Verdict> checkAll(CourseKey course, String unitId, Optional<String> onlyUser) {
    Optional<ResourceLink> link = links.gradedLinkFor(course.issuer(), course.clientId(), course.deploymentId(),
        course.contextId(), unitId);
    if (link.isEmpty()) {
      return Map.of();
    }
    LinkKey key = new LinkKey(course.issuer(), course.clientId(), course.deploymentId(), link.get().resourceLinkId());
    Map<String, OutboxEntry.Snapshot> sent = new HashMap<>(outbox.lastDeliveredGrades(key));
    onlyUser.ifPresent(user -> sent.keySet().retainAll(Set.of(user)));
    if (sent.isEmpty()) {
      return Map.of();
    }
    Verdict common = null;
    Map<String, LineItemResult> results = Map.of();
    if (!link.get().scopes().contains(AgsScope.RESULT_READONLY)) {
      common = new Verdict.NotOffered();
    } else {
      try {
        ServiceResult<List<LineItemResult>> read = read(course, link.get(), key, onlyUser);
        if (read instanceof ServiceResult.Delivered<List<LineItemResult>> delivered) {
          results = new HashMap<>();
          for (LineItemResult r : delivered.value()) {
            results.putIfAbsent(r.userId(), r);
          }
        } else {
          common = new Verdict.Unreadable(read.describe());
        }
      } catch (LtiException e) {
        common = new Verdict.Unreadable(e.getMessage());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Reading the gradebook's results failed inside the tool", e);
        common = new Verdict.Unreadable("the tool could not read them (internal error)");
      }
    }
    Map<String, Verdict> verdicts = new HashMap<>();
    for (Map.Entry<String, OutboxEntry.Snapshot> e : sent.entrySet()) {
      verdicts.put(e.getKey(), common != null ? common : compare(results.get(e.getKey()), e.getValue()));
    }
    return verdicts;
  }

  private ServiceResult<List<LineItemResult>> read(CourseKey course, ResourceLink link, LinkKey key,
      Optional<String> onlyUser) throws LtiException {
    Optional<URI> lineItem = link.lineItem().map(URI::create).or(() -> stored.find(key));
    if (lineItem.isEmpty()) {
      throw new LtiException(eu.somework.lti.LtiFailure.LINE_ITEM_UNAVAILABLE,
          "the tool does not know this activity's gradebook column");
    }
    PlatformRegistration registration = platforms.find(course.issuer(), course.clientId()).orElseThrow(() ->
        new LtiException(eu.somework.lti.LtiFailure.LINE_ITEM_UNAVAILABLE, "the platform's registration was removed"));
    Set<String> scopes = Set.of(AgsScope.RESULT_READONLY);
    ServiceToken token = tokens.get(registration, scopes);
    ServiceResult<List<LineItemResult>> read = new ResultClient(call()).results(token, lineItem.get(), onlyUser);
    if (read instanceof ServiceResult.TokenRejected<?>) {
      tokens.forget(registration, scopes);
      read = new ResultClient(call()).results(tokens.get(registration, scopes), lineItem.get(), onlyUser);
    }
    return read;
  }

  /** Compares the platform's result (null: none for the user) with the score it took last. */
  static Verdict compare(LineItemResult result, OutboxEntry.Snapshot sent) {
    Points delivered = new Points(sent.scoreGiven().orElse(0), sent.scoreMaximum().orElse(1));
    Instant at = sent.finishedAt().orElse(sent.timestamp());
    if (result == null || result.resultScore().isEmpty()) {
      return new Verdict.Changed(Optional.empty(), delivered, at);
    }
    // AGS 2.0 §3.3: resultMaximum defaults to 1
    Points held = new Points(result.resultScore().get(), result.resultMaximum().orElse(1.0));
    return share(held) >= 0 && Math.abs(share(held) - share(delivered)) < SAME ? new Verdict.Same()
        : new Verdict.Changed(Optional.of(held), delivered, at);
  }

  private static double share(Points points) {
    return points.maximum() > 0 ? points.given() / points.maximum() : -1;
  }

  private ServiceCall call() {
    ServiceCall current = call;
    if (current == null) {
      current = new ServiceCall(clock, TIMEOUT);
      call = current;
    }
    return current;
  }
}
