package eu.somework.launch;

import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the administrator sees of launches, per registration and deployment: the last accepted
 * launch, the last refused one and its reason, how many were accepted and how many refused by
 * reason. The figures are the table {@code launch_activity} (every instance's stored counts) plus
 * what this instance counted and has not stored yet; another instance's last few seconds (its flush
 * interval, {@link LaunchOutcomes#FLUSH_PERIOD}) show once it stored them. Reads the database: for
 * the administrator's pages, never for the launch path.
 */
@ApplicationScoped
public class LaunchActivity {
  /**
   * The key, in {@link #forRegistration}, of refusals before the deployment was known: a login (its
   * deployment hint is not signed), or a launch refused before the platform's signed id_token named
   * one of the registration's deployments (e.g. a bad signature, an unknown state or deployment).
   */
  public static final String NO_DEPLOYMENT = LaunchTally.UNKNOWN;

  @Inject LaunchOutcomes outcomes;
  @Inject LaunchActivityStore store;

  /** The service over a database outside the container (tests): a tally of its own, no metrics. */
  public static LaunchActivity over(Transactor tx, Clock clock) {
    LaunchActivityStore store = LaunchActivityStore.over(tx);
    return over(LaunchOutcomes.over(store, clock, null), store);
  }

  /** The service over a tally and store made outside the container, e.g. by a test. */
  static LaunchActivity over(LaunchOutcomes outcomes, LaunchActivityStore store) {
    LaunchActivity activity = new LaunchActivity();
    activity.outcomes = outcomes;
    activity.store = store;
    return activity;
  }

  /**
   * The launch activity of one registration, keyed by deployment id; refusals before the
   * deployment was known are under {@link #NO_DEPLOYMENT}. A deployment with no launch and no
   * refusal is absent (treat it as {@link DeploymentActivity#NONE}).
   *
   * @param issuer the registration's issuer ({@code iss}), exactly as registered
   * @param clientId its client id
   * @return an unmodifiable map, in deployment id order; empty for a registration never launched
   */
  public Map<String, DeploymentActivity> forRegistration(String issuer, String clientId) {
    Map<String, Map<String, LaunchTally.Counts>> byDeployment = new TreeMap<>();
    counts(issuer, clientId).forEach((cell, counts) -> byDeployment
        .computeIfAbsent(cell.deploymentId(), d -> new HashMap<>()).put(cell.outcome(), counts));
    Map<String, DeploymentActivity> activity = new TreeMap<>();
    byDeployment.forEach((deployment, byOutcome) -> activity.put(deployment, DeploymentActivity.of(byOutcome)));
    return Collections.unmodifiableMap(activity);
  }

  /**
   * Logins and launches refused for no known registration (an unknown issuer or client id, a state
   * the tool never issued or that expired, a login refused before its platform was known such as
   * one over the rate limit): counted by reason only, never under the strings the request named.
   * Its {@code launches} is always 0.
   */
  public DeploymentActivity unknownPlatform() {
    Map<String, LaunchTally.Counts> byOutcome = new HashMap<>();
    counts(LaunchTally.UNKNOWN, LaunchTally.UNKNOWN).forEach((cell, counts) -> byOutcome.put(cell.outcome(), counts));
    return byOutcome.isEmpty() ? DeploymentActivity.NONE : DeploymentActivity.of(byOutcome);
  }

  /**
   * Deletes a registration's launch activity (stored, and not yet stored on this instance), when
   * the registration itself is deleted. Returns how many rows of {@code launch_activity} went.
   */
  public int forget(String issuer, String clientId) {
    outcomes.tally().forget(issuer, clientId);
    return store.delete(issuer, clientId);
  }

  /** Stored and pending counts of a registration's cells, added up. */
  private Map<LaunchTally.Cell, LaunchTally.Counts> counts(String issuer, String clientId) {
    return outcomes.tally().read(pending -> {
      Map<LaunchTally.Cell, LaunchTally.Counts> all = new HashMap<>(store.of(issuer, clientId));
      pending.forEach((cell, counts) -> {
        if (cell.of(issuer, clientId)) {
          all.merge(cell, counts, LaunchTally.Counts::plus);
        }
      });
      return all;
    });
  }
}
