package eu.somework.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Score deliveries on {@code /metrics}: the time of each attempt (a timer: count, rate, quantiles)
 * and the attempts that did not deliver, by outcome ({@code retry} or {@code refused}) and the
 * platform's HTTP status. Labels hold only these few values: a status outside 100–599 (or none, when
 * no answer came or the tool itself found the score unsendable) is {@code none}.
 */
@ApplicationScoped
public class ScoreDeliveryMetrics {
  static final String LATENCY = "somework_score_delivery";
  static final String FAILURES = "somework_score_delivery_failures";
  private static final Metadata LATENCY_META = Metadata.builder().withName(LATENCY).withUnit(MetricUnits.SECONDS)
      .withDescription("Time of one attempt to send a score to a platform (token, line item, score)").build();
  private static final Metadata FAILURES_META = Metadata.builder().withName(FAILURES)
      .withDescription("Score deliveries that did not reach the gradebook, by outcome and HTTP status").build();

  @Inject MetricRegistry registry;

  /** Records one attempt: how long it took and, unless it delivered, how it failed. */
  public void record(Duration took, DeliveryOutcome outcome) {
    registry.timer(LATENCY_META).update(took);
    failureOutcome(outcome).ifPresent(kind -> registry.counter(FAILURES_META, new Tag("outcome", kind),
        new Tag("status", statusLabel(outcome.status()))).inc());
  }

  /** {@code retry} or {@code refused}; empty for a delivered score and for one the platform already had newer. */
  static Optional<String> failureOutcome(DeliveryOutcome outcome) {
    if (outcome instanceof DeliveryOutcome.RetryLater) {
      return Optional.of("retry");
    }
    if (outcome instanceof DeliveryOutcome.Refused) {
      return Optional.of("refused");
    }
    return Optional.empty();
  }

  /** The HTTP status as a label: {@code "503"}, or {@code "none"} for no status or one that is not HTTP's. */
  static String statusLabel(Optional<Integer> status) {
    return status.filter(code -> code >= 100 && code <= 599).map(String::valueOf).orElse("none");
  }
}
