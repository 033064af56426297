package eu.somework.grading;

import eu.somework.metrics.SecondsSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Score deliveries on {@code /metrics}: the time of each attempt ({@code somework_score_delivery_seconds}, a
 * summary in seconds: count, sum, max, quantiles; see {@link SecondsSummary})
 * and the attempts that did not deliver, by outcome ({@code retry} or {@code refused}) and the
 * platform's HTTP status. Labels hold only these few values: a status outside 100–599 (or none, when
 * no answer came or the tool itself found the score unsendable) is {@code none}.
 */
@ApplicationScoped
public class ScoreDeliveryMetrics {
  static final String LATENCY = "somework_score_delivery";
  static final String FAILURES = "somework_score_delivery_failures";
  private static final String LATENCY_DESCRIPTION =
      "Time of one attempt to send a score to a platform (token, line item, score)";
  private static final Metadata FAILURES_META = Metadata.builder().withName(FAILURES)
      .withDescription("Score deliveries that did not reach the gradebook, by outcome and HTTP status").build();

  @Inject MetricRegistry registry;

  private volatile SecondsSummary latency;

  /** Records one attempt: how long it took and, unless it delivered, how it failed. */
  public void record(Duration took, DeliveryOutcome outcome) {
    latency().record(took);
    failureOutcome(outcome).ifPresent(kind -> registry.counter(FAILURES_META, new Tag("outcome", kind),
        new Tag("status", statusLabel(outcome.status()))).inc());
  }

  /** Published at the first attempt, so that {@code /metrics} shows no delivery time before there is one. */
  private SecondsSummary latency() {
    SecondsSummary published = latency;
    if (published == null) {
      synchronized (this) {
        if (latency == null) {
          latency = SecondsSummary.register(registry, LATENCY, LATENCY_DESCRIPTION);
        }
        published = latency;
      }
    }
    return published;
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
