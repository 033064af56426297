package eu.somework.launch;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the administrator sees of one deployment's launches (or of refusals for no known platform),
 * counted since the table {@code launch_activity} began, across every instance.
 *
 * @param lastLaunch when the last accepted launch was
 * @param lastFailedLaunch when the last refused login or launch was
 * @param lastFailureReason the failed check of that refusal: an {@code eu.somework.lti.LtiFailure} name
 * @param launches how many launches were accepted
 * @param failures how many logins and launches were refused, by {@code LtiFailure} name, in name order
 */
public record DeploymentActivity(
    Optional<Instant> lastLaunch,
    Optional<Instant> lastFailedLaunch,
    Optional<String> lastFailureReason,
    long launches,
    Map<String, Long> failures) {

  /** No launch and no refusal. */
  public static final DeploymentActivity NONE =
      new DeploymentActivity(Optional.empty(), Optional.empty(), Optional.empty(), 0, Map.of());

  public DeploymentActivity {
    failures = Collections.unmodifiableMap(new TreeMap<>(failures));
  }

  /** All refusals, whatever their reason. */
  public long failureCount() {
    return failures.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The figures of one deployment's counts, by outcome ({@link LaunchTally#ACCEPTED} or a failure name). */
  static DeploymentActivity of(Map<String, LaunchTally.Counts> byOutcome) {
    LaunchTally.Counts accepted = byOutcome.get(LaunchTally.ACCEPTED);
    Map<String, Long> failures = new TreeMap<>();
    String lastReason = null;
    Instant lastFailed = null;
    for (Map.Entry<String, LaunchTally.Counts> outcome : byOutcome.entrySet()) {
      if (outcome.getKey().equals(LaunchTally.ACCEPTED)) {
        continue;
      }
      failures.put(outcome.getKey(), outcome.getValue().count());
      if (lastFailed == null || outcome.getValue().lastAt().isAfter(lastFailed)) {
        lastFailed = outcome.getValue().lastAt();
        lastReason = outcome.getKey();
      }
    }
    return new DeploymentActivity(Optional.ofNullable(accepted).map(LaunchTally.Counts::lastAt),
        Optional.ofNullable(lastFailed), Optional.ofNullable(lastReason),
        accepted == null ? 0 : accepted.count(), failures);
  }
}
