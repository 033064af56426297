package eu.somework.grading;

import eu.somework.platform.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * The score outbox on {@code /metrics}: how many scores wait to be sent, and how long the oldest has
 * waited. Read from the database at each scrape, so every instance reports the same, shared outbox
 * (graph one instance's, or the maximum, not the sum). A scrape while the database is away reads NaN.
 */
@ApplicationScoped
public class OutboxMetrics {
  static final String DEPTH = "somework_score_outbox_depth";
  static final String OLDEST_AGE = "somework_score_outbox_oldest_age";
  private static final Logger LOG = Logger.getLogger(OutboxMetrics.class.getName());

  @Inject ScoreOutbox outbox;
  @Inject Clock clock;
  @Inject MetricRegistry registry;

  void register(@Observes Startup.ToolStarted started) {
    registry.gauge(Metadata.builder().withName(DEPTH)
        .withDescription("Scores waiting in the outbox to be sent to the platforms' gradebooks").build(),
        () -> read(() -> (double) outbox.backlog().pending()));
    registry.gauge(Metadata.builder().withName(OLDEST_AGE).withUnit(MetricUnits.SECONDS)
        .withDescription("How long the oldest score waiting in the outbox has waited (0 when none waits)").build(),
        () -> read(() -> outbox.backlog().oldest()
            .map(since -> (double) Math.max(0, Duration.between(since, clock.instant()).toSeconds())).orElse(0.0)));
  }

  private static Double read(java.util.function.Supplier<Double> query) {
    try {
      return query.get();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "The outbox could not be read for /metrics", e);
      return Double.NaN;
    }
  }
}
