package eu.somework.testsupport;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * A MicroProfile Config (SmallRye's implementation) with exactly the given values, for tests that
 * run without a server: system properties at their usual priority (400) above environment
 * variables (300), which are looked up by MicroProfile Config's name mapping as in the server.
 */
public final class TestConfig {
  private TestConfig() {}

  /** Only these system properties, no environment. */
  public static Config of(Map<String, String> properties) {
    return of(properties, Map.of());
  }

  public static Config of(Map<String, String> properties, Map<String, String> environment) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(properties, "test system properties", 400))
        .withSources(new EnvConfigSource(environment, 300))
        .build();
  }
}
