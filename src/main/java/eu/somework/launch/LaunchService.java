package eu.somework.launch;

import eu.somework.config.Settings;
import eu.somework.course.CourseMembers;
import eu.somework.course.ResourceLinks;
import eu.somework.session.RandomTokens;
import eu.somework.session.SessionCookie;
import eu.somework.session.SessionTokens;
import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import eu.somework.lti.FormEncoding;
import eu.somework.lti.LaunchValidator;
import eu.somework.lti.LoginInitiation;
import eu.somework.lti.LoginResponder;
import eu.somework.lti.LaunchRole;
import eu.somework.lti.LtiException;
import eu.somework.lti.LtiFailure;
import eu.somework.lti.LtiLaunch;
import eu.somework.lti.MessageType;
import eu.somework.lti.PlatformKeyCache;
import eu.somework.lti.PlatformRegistration;
import eu.somework.platform.PlatformDirectory;
import eu.somework.platform.PlatformKeyFetches;
import eu.somework.platform.RegistrationChanges;
import eu.somework.persistence.RaceRetry;
import eu.somework.persistence.Transactor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The two steps of an LTI 1.3 launch: answer the login initiation, then accept the id_token. */
@ApplicationScoped
public class LaunchService {
  @Inject Settings settings;
  @Inject PlatformDirectory directory;
  @Inject LoginStates states;
  @Inject DatabaseNonceRegistry nonces;
  @Inject SessionTokens sessions;
  @Inject ResourceLinks links;
  @Inject CourseMembers members;
  @Inject Clock clock;
  @Inject PlatformKeyFetches keyFetches;
  @Inject LaunchOutcomes outcomes;
  @Inject RegistrationChanges changes;
  @Inject Transactor tx;

  private LoginResponder responder;
  private LaunchValidator validator;

  @PostConstruct
  void init() {
    String base = settings.baseUrl();
    responder = new LoginResponder(directory, URI.create(base + "/lti/launch"), base);
    PlatformKeyCache keys = new PlatformKeyCache(
        // short timeouts: a launch waits for a slow platform at most 5 s (3 s to connect)
        keyFetches.fetcher(Duration.ofSeconds(3), Duration.ofSeconds(5)), clock,
        Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(24), settings.unknownKeyRefetchInterval());
    changes.onChange(keys::forgetAll); // a registration changed on any instance: fetch key sets anew
    validator = new LaunchValidator(keys, nonces, clock, settings.clockSkew());
  }

  /** Where to send the browser, and the login cookie to set ({@code Set-Cookie} value). */
  public record LoginRedirect(URI location, String loginCookie) {}

  /** Answers a login initiation (OIDC third-party-initiated login, LTI 1.3 §5.1.1). */
  public LoginRedirect startLogin(Map<String, String> params) {
    PlatformRegistration registration = null; // known once resolved: a refusal after it counts there
    try {
      LoginInitiation login = LoginInitiation.fromParameters(params);
      registration = responder.registrationFor(login);
      checkEnabled(registration);
      String browser = RandomTokens.next();
      LoginStates.IssuedLogin issued = states.issue(login, registration, RandomTokens.sha256(browser));
      return new LoginRedirect(responder.authorizationRedirect(registration, login, issued.state(), issued.nonce()),
          LoginCookie.header(issued.state(), browser));
    } catch (LtiException e) {
      rejected(registration, null, e.failure());
      throw new LaunchRejected(e, null);
    } catch (LaunchRejected e) {
      rejected(registration, null, e.reason().failure());
      throw e;
    }
  }

  private void rejected(PlatformRegistration registration, String deploymentId, LtiFailure failure) {
    outcomes.rejected(registration == null ? null : registration.issuer(),
        registration == null ? null : registration.clientId(), deploymentId, failure);
  }

  /**
   * Checks the platform's answer (LTI 1.3 §5.1.3) and opens a tool session bound to this browser.
   *
   * @param cookies the request's cookies, where the login's cookie must be
   * @throws LaunchRejected with the failed check
   */
  public Launched completeLaunch(Map<String, String> form, Map<String, jakarta.ws.rs.core.Cookie> cookies) {
    Trusted trusted = new Trusted();
    try {
      Launched launched = accept(form, cookies, trusted);
      outcomes.accepted(launched.session().issuer(), launched.session().clientId(), launched.session().deploymentId());
      return launched;
    } catch (LaunchRejected e) {
      LtiFailure failure = e.reason().failure();
      outcomes.rejected(trusted.issuer, trusted.clientId,
          LaunchOutcomes.signedDeployment(form.get("id_token"), trusted.registration, failure).orElse(null), failure);
      throw e;
    }
  }

  /**
   * What a launch has shown the tool so far, for counting its refusal: the registration its login
   * state (the tool's own row) names, and the registration itself once found.
   */
  private static final class Trusted {
    String issuer;
    String clientId;
    PlatformRegistration registration;
  }

  private Launched accept(Map<String, String> form, Map<String, jakarta.ws.rs.core.Cookie> cookies, Trusted trusted) {
    try {
      String stateValue = form.get("state");
      if (stateValue == null || stateValue.isBlank()) {
        throw new LtiException(LtiFailure.STATE_MISSING, "The launch has no state parameter.");
      }
      LoginState state = states.find(stateValue).orElseThrow(() -> new LtiException(LtiFailure.STATE_UNKNOWN,
          "The launch's state is unknown or has expired. Start the activity again from the course."));
      trusted.issuer = state.issuer();
      trusted.clientId = state.clientId();
      checkBrowser(state, LoginCookie.read(cookies, stateValue));
      if (form.get("error") != null) {
        throw new LtiException(LtiFailure.PLATFORM_ERROR, "The platform refused the login: "
            + form.get("error") + Optional.ofNullable(form.get("error_description")).map(d -> " — " + d).orElse(""));
      }
      PlatformRegistration registration = directory.find(state.issuer(), state.clientId())
          .orElseThrow(() -> new LtiException(LtiFailure.UNKNOWN_CLIENT_ID,
              "The registration this login was started with no longer exists."));
      trusted.registration = registration;
      checkEnabled(registration);
      Accepted accepted = acceptInOneTransaction(form.get("id_token"), registration, state);
      ToolSession session = accepted.session();
      String landing = accepted.landing();
      SessionCookie.Binding binding = SessionCookie.create(clock.instant());
      List<String> cookieHeaders = new ArrayList<>(SessionCookie.dropOldest(cookies));
      cookieHeaders.add(SessionCookie.header(binding, settings.sessionLifetime()));
      cookieHeaders.add(LoginCookie.expired(stateValue));
      return new Launched(session, sessions.issue(session, binding), List.copyOf(cookieHeaders), landing);
    } catch (LtiException e) {
      throw new LaunchRejected(e, null);
    }
  }

  /** A launch validated and stored: its session and where it lands. */
  private record Accepted(ToolSession session, String landing) {}

  /** Carries a refusal out of the unit of work, which takes no checked exception. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(LtiException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  /**
   * Validates the id_token and stores what the launch writes — its used nonce (LTI 1.3 §5.1.3
   * step 9: the insert's unique key refuses a replay), the resource link and the course member,
   * each only when it changed — in one transaction: a refusal stores nothing. Two launches racing
   * to insert the same member or link: the loser runs once more ({@link RaceRetry}) and finds it.
   */
  private Accepted acceptInOneTransaction(String idToken, PlatformRegistration registration, LoginState state)
      throws LtiException {
    try {
      return RaceRetry.once(() -> tx.inTransaction(em -> {
        try {
          LtiLaunch launch = validator.validate(idToken, registration, state.nonce(), state.targetLinkUri());
          Optional<String> unit = unitOf(launch);
          ToolSession session = sessionOf(launch, unit);
          String landing = launch.messageType() == MessageType.DEEP_LINKING ? "/app/deep-linking"
              : launch.isSubmissionReview() ? SubmissionReviewRoute.landing(launch, session.role(), unit)
              : SubmissionReviewRoute.LANDING;
          recordLink(launch);
          members.seen(session);
          if (launch.isSubmissionReview() && session.role().canTeach()) {
            knowSubmitter(session, launch.forUser().orElseThrow());
          }
          return new Accepted(session, landing);
        } catch (LtiException e) {
          throw new Refused(e);
        }
      }));
    } catch (Refused refused) {
      throw (LtiException) refused.getCause();
    }
  }

  /**
   * An accepted launch: its session, the signed token that carries it, the {@code Set-Cookie}
   * values to send (the cookie binding the session to this browser, the removal of the login's
   * cookie, and of the browser's oldest session cookies beyond {@link SessionCookie#MAX_PER_BROWSER}),
   * and the tool's path the browser opens next ({@code /app}, the Deep Linking catalogue, or what a
   * submission review shows).
   */
  public record Launched(ToolSession session, String token, List<String> cookies, String landing) {
    /** A launch that lands where its message type does by default. */
    public Launched(ToolSession session, String token, List<String> cookies) {
      this(session, token, cookies, session.deepLinking().isPresent() ? "/app/deep-linking" : "/app");
    }
  }

  /**
   * The unit the launch opens: the link's custom parameter {@code unit}; for a submission review
   * without it (a platform need not repeat the link's custom parameters), the unit the link's
   * last launch stored.
   */
  private Optional<String> unitOf(LtiLaunch launch) {
    Optional<String> custom = Optional.ofNullable(launch.custom().get("unit"));
    if (custom.isPresent() || !launch.isSubmissionReview()) {
      return custom;
    }
    return launch.resourceLink().flatMap(link -> links.find(launch.issuer(), launch.clientId(),
        launch.deploymentId(), link.id())).flatMap(eu.somework.course.ResourceLink::unitId);
  }

  /**
   * Stores the link's service context. A submission review describes the link only in part (it is
   * about one learner's line item), so it does not overwrite what the link's own launches stored.
   */
  private void recordLink(LtiLaunch launch) {
    if (launch.isSubmissionReview() && launch.resourceLink().flatMap(link -> links.find(launch.issuer(),
        launch.clientId(), launch.deploymentId(), link.id())).isPresent()) {
      return;
    }
    links.record(launch);
  }

  /**
   * A teacher's review of a learner the course has not seen yet (no launch, no roster): the
   * learner becomes known as a student, so the grading form shows "nothing submitted yet" rather
   * than "no such student". Only for a learner (or a for_user without roles).
   */
  private void knowSubmitter(ToolSession teacher, LtiLaunch.ForUser forUser) {
    Set<LaunchRole> roles = LaunchRole.fromLti(forUser.roles());
    if (forUser.roles().isEmpty() || roles.contains(LaunchRole.LEARNER) && !roles.contains(LaunchRole.INSTRUCTOR)) {
      members.submitter(teacher, forUser.userId(), forUser.displayName());
    }
  }

  /**
   * A registration a tool administrator switched off launches nothing (checked at login and at
   * launch, in the registrations kept per generation: a switch-off on another instance holds here as
   * soon as this instance's change feed has seen it, within milliseconds; see
   * {@link RegistrationChanges}). Asking for the generation first lets this instance's listeners
   * (platform key sets) follow other changes too.
   */
  private void checkEnabled(PlatformRegistration registration) throws LtiException {
    changes.current();
    if (!directory.isEnabled(registration.issuer(), registration.clientId())) {
      throw new LtiException(LtiFailure.REGISTRATION_DISABLED, "This tool is switched off for your platform."
          + " Ask your platform's administrator or the tool's administrator to switch it on again.");
    }
  }

  private void checkBrowser(LoginState state, Optional<String> browserCookie) throws LtiException {
    if (browserCookie.isEmpty()) {
      String restart = settings.baseUrl() + "/lti/login?" + FormEncoding.encode(state.loginParameters());
      throw new LaunchRejected(new LtiException(LtiFailure.STATE_COOKIE_MISSING,
          "Your browser did not send back the cookie that ties this launch to it, usually because it"
              + " blocks third-party cookies inside the course page. Open the tool in a new window to"
              + " continue."), restart);
    }
    if (!state.issuedTo(RandomTokens.sha256(browserCookie.get()))) {
      throw new LtiException(LtiFailure.STATE_OTHER_BROWSER,
          "This launch was started in another browser. Start the activity again from the course.");
    }
  }

  private ToolSession sessionOf(LtiLaunch launch, Optional<String> unit) {
    Optional<ToolSession.DeepLinkingReturn> deepLinking = launch.messageType() == MessageType.DEEP_LINKING
        ? launch.deepLinking().map(d -> new ToolSession.DeepLinkingReturn(d.returnUrl().toString(), d.data(),
            d.acceptMultiple(), d.acceptLineItem(), d.acceptsLtiResourceLinks()))
        : Optional.empty();
    return new ToolSession(
        launch.issuer(), launch.clientId(), launch.deploymentId(), launch.subject(), launch.displayName(),
        ToolRole.of(launch.roles(), launch.isAnonymous()),
        launch.context().map(LtiLaunch.Context::id).orElse(""),
        launch.context().flatMap(c -> c.title().or(c::label)),
        launch.resourceLink().map(LtiLaunch.ResourceLink::id),
        launch.resourceLink().flatMap(LtiLaunch.ResourceLink::title),
        launch.locale(),
        unit,
        deepLinking,
        clock.instant().plus(settings.sessionLifetime()));
  }
}
