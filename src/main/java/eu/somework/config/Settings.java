package eu.somework.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The tool's configuration. Each key is read from a Java system property ({@code -Dsomework.x})
 * or from the environment ({@code SOMEWORK_X}, dots and dashes as underscores); defaults run the
 * tool on embedded storage with the simulator on.
 */
@ApplicationScoped
public class Settings {

  public Optional<String> get(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      value = System.getenv(envName(key));
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public static String envName(String key) {
    return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public Path dataDir() {
    return Path.of(get("somework.data-dir").orElse("data")).toAbsolutePath();
  }

  public Path ltiConfigDir() {
    return Path.of(get("somework.lti-config-dir").orElse("lti-config/platforms")).toAbsolutePath();
  }

  public Path contentDir() {
    return Path.of(get("somework.content-dir").orElse("module-content")).toAbsolutePath();
  }

  /** Public base URL of the tool, without a trailing slash. */
  public String baseUrl() {
    String url = get("somework.base-url").orElse("http://localhost:" + ListenPort.detect());
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public boolean simulatorEnabled() {
    return Boolean.parseBoolean(get("somework.simulator.enabled").orElse("true"));
  }

  public Duration clockSkew() {
    return Duration.ofSeconds(number("somework.launch.clock-skew-seconds", 60));
  }

  public Duration unknownKeyRefetchInterval() {
    return Duration.ofSeconds(number("somework.jwks.unknown-kid-refetch-seconds", 30));
  }

  /** Login initiations one client address may make per minute ({@code somework.login.rate-per-minute}). */
  public int loginRatePerMinute() {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, number("somework.login.rate-per-minute", 60)));
  }

  /** The most login states in flight at once ({@code somework.login.max-live-states}). */
  public long maxLiveLoginStates() {
    return Math.max(1, number("somework.login.max-live-states", 100_000));
  }

  public Duration sessionLifetime() {
    return Duration.ofMinutes(number("somework.session.minutes", 240));
  }

  public Optional<String> keyEncryptionSecret() {
    return get("somework.key-encryption-secret");
  }

  public String databaseUrl() {
    return get("somework.db.url")
        .orElse("jdbc:h2:file:" + dataDir().resolve("somework").toString().replace('\\', '/')
            + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  public String databaseUser() {
    return get("somework.db.user").orElse("sa");
  }

  public String databasePassword() {
    return get("somework.db.password").orElse("");
  }

  private long number(String key, long fallback) {
    return get(key).map(v -> {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw new IllegalStateException("Configuration " + key + " must be a whole number, not '" + v + "'.");
      }
    }).orElse(fallback);
  }
}
