package eu.somework.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The clock the tool asks for the time: inject {@link Clock} rather than calling
 * {@code Instant.now()}, so that tests can set the time. UTC, since every stored time is UTC.
 */
@ApplicationScoped
public class ToolClock {
  @Produces
  Clock clock() {
    return Clock.systemUTC();
  }
}
