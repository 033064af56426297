package eu.somework.launch;

import eu.somework.lti.LtiFailure;
import eu.somework.metrics.SecondsSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The launch's MicroProfile Metrics (application scope, served at {@code /metrics} in Prometheus
 * format):
 * <ul>
 *   <li>{@value #LAUNCHES} (Prometheus: {@code somework_launches_total}) — logins and launches by
 *       {@code result} ({@code accepted}, {@code rejected}) and {@code reason} (the failed check's
 *       {@code LtiFailure} name; {@code none} when accepted);
 *   <li>{@value #DURATION} (Prometheus: {@code somework_launch_duration_seconds}) — time from the
 *       id_token POST's arrival until its answer is ready, by {@code result} ({@code accepted},
 *       {@code rejected}, {@code error} for a failure of the tool itself), a summary whose every series is
 *       in seconds ({@link SecondsSummary}).
 * </ul>
 * Labels take only these fixed values and enum names: no issuer, user or any string a request chose.
 */
@ApplicationScoped
public class LaunchMetrics {
  static final String LAUNCHES = "somework_launches";
  static final String DURATION = "somework_launch_duration";
  static final String ACCEPTED = "accepted";
  static final String REJECTED = "rejected";
  static final String ERROR = "error";

  private static final Metadata LAUNCHES_METADATA = Metadata.builder().withName(LAUNCHES)
      .withDescription("LTI logins and launches by result (accepted, rejected) and reason (the failed check)")
      .build();
  private static final String DURATION_DESCRIPTION = "Time from an id_token POST until its answer is ready, by result";

  @Inject MetricRegistry registry;

  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, SecondsSummary> durations = new ConcurrentHashMap<>();

  void accepted() {
    counter(ACCEPTED, "none").inc();
  }

  void rejected(LtiFailure failure) {
    counter(REJECTED, failure.name()).inc();
  }

  /** An id_token POST took {@code nanos} and ended with {@code result} ({@link #ACCEPTED}, {@link #REJECTED}, {@link #ERROR}). */
  void launchTook(String result, long nanos) {
    durations.computeIfAbsent(result,
        r -> SecondsSummary.register(registry, DURATION, DURATION_DESCRIPTION, new Tag("result", r)))
        .record(Duration.ofNanos(nanos));
  }

  private Counter counter(String result, String reason) {
    return counters.computeIfAbsent(result + "/" + reason,
        key -> registry.counter(LAUNCHES_METADATA, new Tag("result", result), new Tag("reason", reason)));
  }
}
