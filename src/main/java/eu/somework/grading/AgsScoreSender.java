package eu.somework.grading;

import eu.somework.content.ContentCatalogue;
import eu.somework.content.Unit;
import eu.somework.course.ResourceLink;
import eu.somework.course.ResourceLinks;
import eu.somework.lti.LtiException;
import eu.somework.lti.LtiFailure;
import eu.somework.lti.PlatformRegistration;
import eu.somework.lti.ServiceCall;
import eu.somework.lti.ServiceResult;
import eu.somework.lti.ServiceToken;
import eu.somework.lti.SubmissionReview;
import eu.somework.lti.ags.ActivityProgress;
import eu.somework.lti.ags.AgsEndpoint;
import eu.somework.lti.ags.AgsScope;
import eu.somework.lti.ags.LineItem;
import eu.somework.lti.ags.LineItemClient;
import eu.somework.lti.ags.Score;
import eu.somework.lti.ags.ScorePublisher;
import eu.somework.platform.PlatformDirectory;
import eu.somework.platform.ServiceTokens;
import eu.somework.web.UiLanguage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Sends a score from the outbox to the platform's gradebook with AGS 2.0: finds the line item of the
 * score's resource link (the launch's {@code lineitem}, else searched in or created in
 * {@code lineitems}, AGS 2.0 §3.2), asks for an access token with only the scopes the launch offered
 * (Moodle set to "grade sync only" offers no line-item scope) and POSTs the score (§3.4). A 401 gets
 * one new token and one more try; every answer becomes a {@link DeliveryOutcome} for the outbox.
 *
 * <p>The line item found or created is stored per resource link ({@link StoredLineItems}): later
 * scores go straight to it, and only one worker of all instances searches for or creates it (the
 * others wait a moment for its result, else try later). A stored line item the platform answers 404
 * for (deleted in the LMS) is forgotten and found or created again at once. The launch's own
 * {@code lineitem} wins over a stored one and replaces it.
 */
@ApplicationScoped
public class AgsScoreSender implements ScoreSender {
  /** A whole exchange with the platform may take this long (the outbox's claim lasts much longer). */
  static final Duration TIMEOUT = Duration.ofSeconds(15);
  /** How long a sender waits for another worker that is finding the same link's line item. */
  static final Duration AWAIT_OTHER = Duration.ofSeconds(5);
  private static final Logger LOG = Logger.getLogger(AgsScoreSender.class.getName());
  private final String instance = "sender-" + UUID.randomUUID().toString().substring(0, 8);

  @Inject ResourceLinks links;
  @Inject PlatformDirectory platforms;
  @Inject ServiceTokens tokens;
  @Inject ContentCatalogue catalogue;
  @Inject Clock clock;
  @Inject StoredLineItems stored;
  private volatile ServiceCall call;

  /** A sender over the given parts outside a container (tests, tools). */
  public static AgsScoreSender over(ResourceLinks links, PlatformDirectory platforms, ServiceTokens tokens,
      ContentCatalogue catalogue, Clock clock) {
    AgsScoreSender sender = new AgsScoreSender();
    sender.links = links;
    sender.platforms = platforms;
    sender.tokens = tokens;
    sender.catalogue = catalogue;
    sender.clock = clock;
    return sender;
  }

  /** A sender that keeps the line items it finds in {@code stored}, outside a container (tests, tools). */
  public static AgsScoreSender over(ResourceLinks links, StoredLineItems stored, PlatformDirectory platforms,
      ServiceTokens tokens, ContentCatalogue catalogue, Clock clock) {
    AgsScoreSender sender = over(links, platforms, tokens, catalogue, clock);
    sender.stored = stored;
    return sender;
  }

  @Inject ScoreDeliveryMetrics metrics;

  @Override
  public DeliveryOutcome send(OutboxEntry.Snapshot entry) {
    long start = System.nanoTime();
    DeliveryOutcome outcome = deliver(entry);
    if (metrics != null) { // null outside a container
      metrics.record(Duration.ofNanos(System.nanoTime() - start), outcome);
    }
    return outcome;
  }

  private DeliveryOutcome deliver(OutboxEntry.Snapshot entry) {
    ScoreTarget target = entry.target();
    Optional<ResourceLink> link = links.find(target.issuer(), target.clientId(), target.deploymentId(),
        target.resourceLinkId());
    if (link.isEmpty()) {
      return unsendable("The activity this score belongs to is no longer known to the tool.");
    }
    Optional<PlatformRegistration> registration = platforms.find(target.issuer(), target.clientId());
    if (registration.isEmpty()) {
      return unsendable("The platform's registration was removed from the tool.");
    }
    AgsEndpoint endpoint = new AgsEndpoint(Set.copyOf(link.get().scopes()),
        link.get().lineItems().map(URI::create), link.get().lineItem().map(URI::create));
    if (!endpoint.offers(AgsScope.SCORE)) {
      return unsendable("The platform does not let the tool send scores for this activity.");
    }
    try {
      return attempt(registration.get(), endpoint, scopes(endpoint), entry, wanted(entry, link.get()), true);
    } catch (LtiException e) {
      // SERVICE_ENDPOINT_REFUSED, SERVICE_ANSWER_INVALID, LINE_ITEM_UNAVAILABLE: no retry mends them
      return e.failure() == LtiFailure.SERVICE_TOKEN_REFUSED
          ? new DeliveryOutcome.RetryLater(Optional.empty(), e.getMessage(), Optional.empty())
          : unsendable(e.getMessage());
    }
  }

  private DeliveryOutcome attempt(PlatformRegistration registration, AgsEndpoint endpoint, Set<String> scopes,
      OutboxEntry.Snapshot entry, LineItem wanted, boolean firstTry) throws LtiException {
    ServiceToken token = tokens.get(registration, scopes);
    LinkKey link = LinkKey.of(entry.target());
    ServiceResult<Found> lineItem = lineItem(token, endpoint, link, wanted);
    if (!(lineItem instanceof ServiceResult.Delivered<Found> found)) {
      return outcome(lineItem, registration, endpoint, scopes, entry, wanted, firstTry);
    }
    ServiceResult<Void> published = new ScorePublisher(call()).publish(token, found.value().url(), score(entry));
    if (published instanceof ServiceResult.Failed<Void> failed && failed.status() == 404 && found.value().stored()
        && stored.forget(link, found.value().url())) {
      // deleted in the LMS since it was stored: find or create it again, once
      LOG.info(() -> "The stored line item of resource link " + link.resourceLinkId() + " is gone (HTTP 404);"
          + " finding it again");
      lineItem = lineItem(token, endpoint, link, wanted);
      if (!(lineItem instanceof ServiceResult.Delivered<Found> again)) {
        return outcome(lineItem, registration, endpoint, scopes, entry, wanted, firstTry);
      }
      published = new ScorePublisher(call()).publish(token, again.value().url(), score(entry));
    }
    return outcome(published, registration, endpoint, scopes, entry, wanted, firstTry);
  }

  /** A line item URL, and whether it came from the store (so a 404 may mean it was deleted since). */
  private record Found(URI url, boolean stored) {}

  /**
   * The launch's {@code lineitem} (stored, replacing another); else the stored one; else searched
   * for or created by this worker alone, and stored; else, while another worker is at it, its result.
   */
  private ServiceResult<Found> lineItem(ServiceToken token, AgsEndpoint endpoint, LinkKey link, LineItem wanted)
      throws LtiException {
    LineItemClient client = new LineItemClient(call());
    if (endpoint.lineItem().isPresent()) {
      URI fromLaunch = endpoint.lineItem().get();
      if (stored != null && !stored.find(link).equals(Optional.of(fromLaunch))) {
        stored.remember(link, fromLaunch);
      }
      return new ServiceResult.Delivered<>(new Found(fromLaunch, false));
    }
    if (stored == null) {
      return client.resolve(token, endpoint, wanted).map(url -> new Found(url, false));
    }
    Optional<URI> known = stored.find(link);
    if (known.isPresent()) {
      return new ServiceResult.Delivered<>(new Found(known.get(), true));
    }
    String worker = instance + "/thread-" + Thread.currentThread().getId();
    if (!stored.claim(link, worker)) {
      Optional<URI> theirs = awaitOther(link);
      return theirs.<ServiceResult<Found>>map(url -> new ServiceResult.Delivered<>(new Found(url, true)))
          .orElseGet(() -> new ServiceResult.RetryLater<>("Another instance of the tool is finding the gradebook"
              + " column of this activity.", Optional.of(clock.instant().plus(AWAIT_OTHER.multipliedBy(2)))));
    }
    try {
      ServiceResult<URI> resolved = client.resolve(token, endpoint, wanted);
      return resolved.map(url -> new Found(stored.settle(link, worker, url), false));
    } finally {
      stored.release(link, worker); // a no-op after settle
    }
  }

  private Optional<URI> awaitOther(LinkKey link) {
    long deadline = System.nanoTime() + AWAIT_OTHER.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      Optional<URI> known = stored.find(link);
      if (known.isPresent()) {
        return known;
      }
    }
    return Optional.empty();
  }

  private DeliveryOutcome outcome(ServiceResult<?> result, PlatformRegistration registration, AgsEndpoint endpoint,
      Set<String> scopes, OutboxEntry.Snapshot entry, LineItem wanted, boolean firstTry) throws LtiException {
    if (result instanceof ServiceResult.Delivered<?>) {
      return new DeliveryOutcome.Delivered(200);
    }
    if (result instanceof ServiceResult.RetryLater<?> later) {
      return new DeliveryOutcome.RetryLater(Optional.empty(), later.reason(),
          later.retryAt().map(at -> Duration.between(clock.instant(), at)).filter(d -> !d.isNegative()));
    }
    if (result instanceof ServiceResult.TokenRejected<?> rejected) {
      tokens.forget(registration, scopes);
      return firstTry ? attempt(registration, endpoint, scopes, entry, wanted, false)
          : new DeliveryOutcome.Refused(401, "The platform refused the tool's access token: " + rejected.reason());
    }
    ServiceResult.Failed<?> failed = (ServiceResult.Failed<?>) result;
    return failed.status() == 409 ? new DeliveryOutcome.Outdated(409)
        : new DeliveryOutcome.Refused(failed.status(), failed.reason());
  }

  /** The score scope, and a line-item scope only when the launch gave no line item and offers one. */
  private static Set<String> scopes(AgsEndpoint endpoint) {
    Set<String> scopes = new LinkedHashSet<>();
    scopes.add(AgsScope.SCORE);
    if (endpoint.lineItem().isEmpty()) {
      if (endpoint.offers(AgsScope.LINE_ITEM)) {
        scopes.add(AgsScope.LINE_ITEM);
      } else if (endpoint.offers(AgsScope.LINE_ITEM_READONLY)) {
        scopes.add(AgsScope.LINE_ITEM_READONLY);
      }
    }
    return scopes;
  }

  /** The gradebook column the tool wants for the unit: its title, the rubric's maximum, the unit as resource id. */
  private LineItem wanted(OutboxEntry.Snapshot entry, ResourceLink link) {
    Optional<Unit> unit = entry.target().unitId().flatMap(catalogue::find);
    String label = link.title().or(() -> unit.map(u -> u.title(UiLanguage.EN))).orElse("SoMe@Work reflection");
    double maximum = entry.scoreMaximum().isPresent() ? entry.scoreMaximum().getAsDouble()
        : unit.map(Unit::maxPoints).filter(points -> points > 0).orElse(1);
    // the learner's reflection is what a teacher reviews from the gradebook, once handed in
    return LineItem.toCreate(label, maximum, link.resourceLinkId(), entry.target().unitId(),
        Optional.of("somework-reflection")).withSubmissionReview(SubmissionReview.whenProgressIs(Optional.empty(),
            ActivityProgress.Submitted, ActivityProgress.Completed));
  }

  private static Score score(OutboxEntry.Snapshot entry) {
    var timestamp = entry.timestamp().atOffset(ZoneOffset.UTC);
    return entry.progress() == ScoreProgress.GRADED
        ? Score.graded(entry.target().userId(), entry.scoreGiven().getAsDouble(), entry.scoreMaximum().getAsDouble(),
            entry.comment(), timestamp)
        : Score.submitted(entry.target().userId(), timestamp);
  }

  private static DeliveryOutcome unsendable(String reason) {
    // no HTTP answer to quote: 0 marks a refusal found by the tool itself
    return new DeliveryOutcome.Refused(0, reason);
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
