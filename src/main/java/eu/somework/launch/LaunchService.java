package eu.somework.launch;

import eu.somework.config.Settings;
import eu.somework.lti.FormEncoding;
import eu.somework.lti.JwksFetcher;
import eu.somework.lti.LaunchValidator;
import eu.somework.lti.LoginInitiation;
import eu.somework.lti.LoginResponder;
import eu.somework.lti.LtiException;
import eu.somework.lti.LtiFailure;
import eu.somework.lti.LtiLaunch;
import eu.somework.lti.MessageType;
import eu.somework.lti.PlatformKeyCache;
import eu.somework.lti.PlatformRegistration;
import eu.somework.platform.PlatformDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The two steps of an LTI 1.3 launch: answer the login initiation, then accept the id_token. */
@ApplicationScoped
public class LaunchService {
  @Inject Settings settings;
  @Inject PlatformDirectory directory;
  @Inject LoginStates states;
  @Inject DatabaseNonceRegistry nonces;
  @Inject SessionTokens sessions;

  private LoginResponder responder;
  private LaunchValidator validator;

  @PostConstruct
  void init() {
    String base = settings.baseUrl();
    responder = new LoginResponder(directory, URI.create(base + "/lti/launch"), base);
    PlatformKeyCache keys = new PlatformKeyCache(
        // short timeouts: a launch waits for a slow platform at most 5 s (3 s to connect)
        new JwksFetcher(Duration.ofSeconds(3), Duration.ofSeconds(5)), Clock.systemUTC(),
        Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(24), settings.unknownKeyRefetchInterval());
    validator = new LaunchValidator(keys, nonces, Clock.systemUTC(), settings.clockSkew());
  }

  /** Where to send the browser, and the browser-binding cookie value to set. */
  public record LoginRedirect(URI location, String browserCookie) {}

  public LoginRedirect startLogin(Map<String, String> params, Optional<String> browserCookie) {
    try {
      LoginInitiation login = LoginInitiation.fromParameters(params);
      PlatformRegistration registration = responder.registrationFor(login);
      String browser = browserCookie.filter(c -> c.length() == 43).orElseGet(RandomTokens::next);
      LoginStates.IssuedLogin issued = states.issue(login, registration, RandomTokens.sha256(browser));
      return new LoginRedirect(
          responder.authorizationRedirect(registration, login, issued.state(), issued.nonce()), browser);
    } catch (LtiException e) {
      throw new LaunchRejected(e, null);
    }
  }

  /** Checks the platform's answer and opens a tool session. */
  public Launched completeLaunch(Map<String, String> form, Optional<String> browserCookie) {
    try {
      if (form.get("error") != null) {
        throw new LtiException(LtiFailure.PLATFORM_ERROR, "The platform refused the login: "
            + form.get("error") + Optional.ofNullable(form.get("error_description")).map(d -> " — " + d).orElse(""));
      }
      String stateValue = form.get("state");
      if (stateValue == null || stateValue.isBlank()) {
        throw new LtiException(LtiFailure.STATE_MISSING, "The launch has no state parameter.");
      }
      LoginState state = states.find(stateValue).orElseThrow(() -> new LtiException(LtiFailure.STATE_UNKNOWN,
          "The launch's state is unknown or has expired. Start the activity again from the course."));
      checkBrowser(state, browserCookie);
      PlatformRegistration registration = directory.find(state.issuer(), state.clientId())
          .orElseThrow(() -> new LtiException(LtiFailure.UNKNOWN_CLIENT_ID,
              "The registration this login was started with no longer exists."));
      LtiLaunch launch = validator.validate(form.get("id_token"), registration, state.nonce(), state.targetLinkUri());
      ToolSession session = sessionOf(launch);
      return new Launched(session, sessions.issue(session));
    } catch (LtiException e) {
      throw new LaunchRejected(e, null);
    }
  }

  /** An accepted launch: its session and the signed token that carries it. */
  public record Launched(ToolSession session, String token) {}

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

  private ToolSession sessionOf(LtiLaunch launch) {
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
        Optional.ofNullable(launch.custom().get("unit")),
        deepLinking,
        Instant.now().plus(settings.sessionLifetime()));
  }
}
