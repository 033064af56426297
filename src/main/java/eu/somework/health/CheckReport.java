package eu.somework.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * A check's answer being put together: its data (counts, versions, durations), then UP or DOWN with
 * a reason. Builds the response with {@link HealthCheckResponse}'s constructor rather than
 * {@code HealthCheckResponse.named(..)}, whose builder comes from the server's provider: so the checks
 * run the same in unit tests, which have none.
 */
final class CheckReport {
  private final String name;
  private final Map<String, Object> data = new LinkedHashMap<>();

  CheckReport(String name) {
    this.name = name;
  }

  CheckReport with(String key, Object value) {
    data.put(key, value);
    return this;
  }

  /** What a readiness check answers while the tool is still starting. */
  static final String STARTING = "The tool is still starting.";

  HealthCheckResponse up() {
    return new HealthCheckResponse(name, HealthCheckResponse.Status.UP, Optional.of(Map.copyOf(data)));
  }

  /** DOWN, with {@code reason} in the data: one sentence for the operator, naming no person. */
  HealthCheckResponse down(String reason) {
    data.put("reason", reason);
    return new HealthCheckResponse(name, HealthCheckResponse.Status.DOWN, Optional.of(Map.copyOf(data)));
  }
}
