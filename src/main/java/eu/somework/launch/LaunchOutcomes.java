package eu.somework.launch;

import com.nimbusds.jwt.SignedJWT;
import eu.somework.jobs.BackgroundJobs;
import eu.somework.lti.LtiClaim;
import eu.somework.lti.LtiFailure;
import eu.somework.lti.PlatformRegistration;
import eu.somework.platform.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where logins and launches report how they ended: counted in memory ({@link LaunchTally}) and in
 * the metrics ({@link LaunchMetrics}), never written to the database on the way. Every
 * {@link #FLUSH_PERIOD}, and once more when the application stops, a background job adds the
 * counts to {@code launch_activity}; a flush that fails keeps them for the next one.
 *
 * <p>An outcome is counted under what the tool trusts, never under strings a caller chose: a
 * registration the tool resolved (or that a login state of its own names), and a deployment only
 * when the platform's verified id_token named one of that registration's deployments. A refusal
 * for an unknown issuer or client id counts under the unknown platform, by reason only.
 */
@ApplicationScoped
public class LaunchOutcomes {
  static final Duration FLUSH_PERIOD = Duration.ofSeconds(10);
  private static final Logger LOG = Logger.getLogger(LaunchOutcomes.class.getName());

  /**
   * Refusals that LaunchValidator raises only after it verified the id_token's signature with the
   * registration's key: the deployment_id claim is then the platform's own word.
   */
  static final Set<LtiFailure> AFTER_SIGNATURE = EnumSet.of(LtiFailure.WRONG_ISSUER, LtiFailure.WRONG_AUDIENCE,
      LtiFailure.WRONG_AUTHORIZED_PARTY, LtiFailure.EXPIRED, LtiFailure.ISSUED_IN_FUTURE, LtiFailure.CLAIM_INVALID,
      LtiFailure.NONCE_MISSING, LtiFailure.NONCE_MISMATCH, LtiFailure.NONCE_REPLAYED, LtiFailure.WRONG_VERSION,
      LtiFailure.UNSUPPORTED_MESSAGE_TYPE, LtiFailure.SUBJECT_INVALID, LtiFailure.RESOURCE_LINK_MISSING,
      LtiFailure.FOR_USER_INVALID, LtiFailure.REVIEW_LINE_ITEM_MISSING, LtiFailure.REVIEW_NOT_ALLOWED,
      LtiFailure.DEEP_LINK_RETURN_URL_MISSING, LtiFailure.TARGET_LINK_MISMATCH);

  /** Refusals that say the registration is unknown: never counted under the names they carry. */
  private static final Set<LtiFailure> UNKNOWN_REGISTRATION = EnumSet.of(LtiFailure.UNKNOWN_ISSUER,
      LtiFailure.UNKNOWN_CLIENT_ID);

  @Inject Clock clock;
  @Inject LaunchMetrics metrics;
  @Inject LaunchActivityStore store;
  @Inject BackgroundJobs jobs;

  private final LaunchTally tally = new LaunchTally();

  /** Outcomes counted outside the container, e.g. by a test; {@code metrics} may be null (none kept). */
  static LaunchOutcomes over(LaunchActivityStore store, Clock clock, LaunchMetrics metrics) {
    LaunchOutcomes outcomes = new LaunchOutcomes();
    outcomes.store = store;
    outcomes.clock = clock;
    outcomes.metrics = metrics;
    return outcomes;
  }

  LaunchTally tally() {
    return tally;
  }

  /** An accepted launch of a registration's deployment (all three from the validated launch). */
  void accepted(String issuer, String clientId, String deploymentId) {
    tally.add(new LaunchTally.Cell(issuer, clientId, deploymentId, LaunchTally.ACCEPTED), clock.instant());
    if (metrics != null) {
      metrics.accepted();
    }
  }

  /**
   * A refused login or launch.
   *
   * @param issuer the trusted registration's issuer, or null when no registration is known
   * @param clientId its client id, or null
   * @param deploymentId a deployment of that registration the verified id_token named, or null
   */
  void rejected(String issuer, String clientId, String deploymentId, LtiFailure failure) {
    LaunchTally.Cell cell = issuer == null || clientId == null || UNKNOWN_REGISTRATION.contains(failure)
        ? LaunchTally.Cell.unknownPlatform(failure.name())
        : new LaunchTally.Cell(issuer, clientId, deploymentId == null ? LaunchTally.UNKNOWN : deploymentId,
            failure.name());
    tally.add(cell, clock.instant());
    if (metrics != null) {
      metrics.rejected(failure);
    }
  }

  /** A login refused before its platform was known (e.g. over the rate limit). */
  void rejected(LtiFailure failure) {
    rejected(null, null, null, failure);
  }

  /**
   * The deployment a refused id_token names, when the refusal came after its signature was verified
   * and the deployment is one of the registration's; otherwise empty. Parses the token again: this
   * is the refusal's path, not the launch's.
   */
  static Optional<String> signedDeployment(String idToken, PlatformRegistration registration, LtiFailure failure) {
    if (idToken == null || registration == null || !AFTER_SIGNATURE.contains(failure)) {
      return Optional.empty();
    }
    try {
      Object deployment = SignedJWT.parse(idToken).getJWTClaimsSet().getClaim(LtiClaim.DEPLOYMENT_ID);
      return deployment instanceof String d && registration.hasDeployment(d) ? Optional.of(d) : Optional.empty();
    } catch (ParseException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Adds what is pending to the database; returns how many outcomes it stored. */
  long flush() {
    return tally.flushTo(store::add);
  }

  void onToolStarted(@Observes Startup.ToolStarted started) {
    jobs.every(FLUSH_PERIOD, "store launch activity", this::flush);
  }

  /** Before the application's beans go (the database with them): what is pending, best effort. */
  void beforeShutdown(@Observes(notifyObserver = Reception.IF_EXISTS) @BeforeDestroyed(ApplicationScoped.class)
      Object application) {
    try {
      long stored = flush();
      LOG.fine(() -> "Stored " + stored + " launch outcome(s) on shutdown.");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Launch activity of the last seconds could not be stored on shutdown", e);
    }
  }
}
