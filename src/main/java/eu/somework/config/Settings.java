package eu.somework.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The tool's configuration: a typed view over MicroProfile Config. A key is read from a Java system
 * property ({@code -Dsomework.x-y}), then from the environment ({@code SOMEWORK_X_Y}: MicroProfile
 * Config's mapping of dots and dashes to underscores), then from any other source the server has
 * (e.g. Payara's directory source, one file per key, for secrets mounted as files). Defaults run the
 * tool on embedded storage with the simulator on.
 *
 * <p>An accessor whose value is malformed throws an {@link IllegalStateException} that names the
 * key and the problem; {@link ConfigurationCheck} asks every accessor at start-up, so a malformed
 * value refuses the start rather than a request. Secrets are never part of a message.
 */
@ApplicationScoped
public class Settings {
  static final String MODE = "somework.mode";
  static final String BASE_URL = "somework.base-url";
  static final String DATA_DIR = "somework.data-dir";
  static final String SIMULATOR_ENABLED = "somework.simulator.enabled";
  static final String KEY_ENCRYPTION_SECRET = "somework.key-encryption-secret";
  static final String CLOCK_SKEW_SECONDS = "somework.launch.clock-skew-seconds";
  static final String UNKNOWN_KID_REFETCH_SECONDS = "somework.jwks.unknown-kid-refetch-seconds";
  static final String SESSION_MINUTES = "somework.session.minutes";
  static final String LOGIN_RATE_PER_MINUTE = "somework.login.rate-per-minute";
  static final String LOGIN_MAX_LIVE_STATES = "somework.login.max-live-states";
  static final String KEY_ROTATION_DAYS = "somework.keys.rotation-days";
  static final String KEY_OVERLAP_MINUTES = "somework.keys.overlap-minutes";
  static final String ADMIN_USER = "somework.admin.user";
  static final String ADMIN_PASSWORD_HASH = "somework.admin.password-hash";
  static final String ADMIN_TOKEN_SHA256 = "somework.admin.token-sha256";
  private static final java.util.regex.Pattern BCRYPT_HASH =
      java.util.regex.Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");
  private static final java.util.regex.Pattern SHA256_HEX = java.util.regex.Pattern.compile("[0-9a-fA-F]{64}");
  static final String OUTBOX_STUCK_MINUTES = "somework.health.outbox-stuck-minutes";
  static final String RETENTION_MONTHS = "somework.retention.months";
  static final String OUTBOX_CLAIM_SECONDS = "somework.outbox.claim-seconds";
  static final String DYNAMIC_REGISTRATION = "somework.registration.dynamic";
  static final String PROXY_TRUSTED_ADDRESSES = "somework.proxy.trusted-addresses";

  /** How the tool runs: with the conveniences of development, or locked down for production. */
  public enum Mode {
    DEVELOPMENT, PRODUCTION
  }

  /**
   * What Dynamic Registration ({@code /lti/register}) does: registers platforms at once, registers
   * them switched off until an administrator switches them on, or is closed.
   */
  public enum DynamicRegistration {
    /** New registrations are switched on at once (the default). */
    ON,
    /** New registrations are stored switched off; an administrator switches them on in the console. */
    PENDING,
    /** {@code /lti/register} answers 403; platforms are registered by administrators only. */
    OFF
  }

  @Inject Config config;

  /** Settings over the application's MicroProfile Config (injected in the container). */
  public Settings() {}

  /** Settings over the given configuration, e.g. one a test builds. */
  public Settings(Config config) {
    this.config = config;
  }

  /** The key's value, trimmed; empty when it is not set or blank. */
  public Optional<String> get(String key) {
    return config().getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** The environment variable MicroProfile Config reads for a key: upper case, dots and dashes as underscores. */
  public static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** {@code somework.mode}: {@code development} (the default) or {@code production}. */
  public Mode mode() {
    return get(MODE).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
      case "development" -> Mode.DEVELOPMENT;
      case "production" -> Mode.PRODUCTION;
      default -> throw invalid(MODE, "must be development or production, not '" + value + "'");
    }).orElse(Mode.DEVELOPMENT);
  }

  /** Whether {@code somework.mode} is {@code production}. */
  public boolean production() {
    return mode() == Mode.PRODUCTION;
  }

  /** {@code somework.data-dir}: the folder of the embedded H2 database (default {@code data}), absolute. */
  public Path dataDir() {
    return Path.of(get(DATA_DIR).orElse("data")).toAbsolutePath();
  }

  /** {@code somework.lti-config-dir}: manual platform registrations, one JSON file each; absolute. */
  public Path ltiConfigDir() {
    return Path.of(get("somework.lti-config-dir").orElse("lti-config/platforms")).toAbsolutePath();
  }

  /** {@code somework.content-dir}: the module's units; absolute. */
  public Path contentDir() {
    return Path.of(get("somework.content-dir").orElse("module-content")).toAbsolutePath();
  }

  /**
   * Public base URL of the tool, without a trailing slash; by default http://localhost and the
   * port the server listens on.
   *
   * @throws IllegalStateException if the configured value is not an absolute http(s) URL
   */
  public String baseUrl() {
    Optional<String> configured = get(BASE_URL);
    configured.ifPresent(Settings::checkBaseUrl);
    String url = configured.orElseGet(() -> "http://localhost:" + ListenPort.detect());
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** {@code somework.registration.dynamic}: {@code on} (the default), {@code pending} or {@code off}. */
  public DynamicRegistration dynamicRegistration() {
    return get(DYNAMIC_REGISTRATION).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
      case "on" -> DynamicRegistration.ON;
      case "pending" -> DynamicRegistration.PENDING;
      case "off" -> DynamicRegistration.OFF;
      default -> throw invalid(DYNAMIC_REGISTRATION, "must be on, pending or off, not '" + value + "'");
    }).orElse(DynamicRegistration.ON);
  }

  /** Whether the built-in platform simulator runs: never in production, else as configured (default on). */
  public boolean simulatorEnabled() {
    boolean configured = get(SIMULATOR_ENABLED).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(SIMULATOR_ENABLED, "must be true or false, not '" + value + "'");
    }).orElse(true);
    return configured && !production();
  }

  /** {@code somework.launch.clock-skew-seconds}: tolerance for an id_token's exp and iat (default 60 s). */
  public Duration clockSkew() {
    return Duration.ofSeconds(whole(CLOCK_SKEW_SECONDS, 60, 0, "seconds"));
  }

  /**
   * {@code somework.jwks.unknown-kid-refetch-seconds}: at most one key-set refetch per platform in
   * this interval for an unknown kid (default 30 s).
   */
  public Duration unknownKeyRefetchInterval() {
    return Duration.ofSeconds(whole(UNKNOWN_KID_REFETCH_SECONDS, 30, 0, "seconds"));
  }

  /** {@code somework.login.rate-per-minute}: login initiations one client address may make per minute (default 60, at least 1). */
  public int loginRatePerMinute() {
    return (int) Math.min(Integer.MAX_VALUE, whole(LOGIN_RATE_PER_MINUTE, 60, 1, "logins a minute"));
  }

  /** {@code somework.login.max-live-states}: the most login states in flight at once (default 100,000, at least 1). */
  public long maxLiveLoginStates() {
    return whole(LOGIN_MAX_LIVE_STATES, 100_000, 1, "login states");
  }

  /** {@code somework.session.minutes}: lifetime of a tool session after a launch (default 240 min, at least 1). */
  public Duration sessionLifetime() {
    return Duration.ofMinutes(whole(SESSION_MINUTES, 240, 1, "minutes"));
  }

  /**
   * {@code somework.keys.rotation-days}: the tool's signing key is replaced when it has signed for
   * this long (default 180 days; 0: only when an administrator asks).
   */
  public Optional<Duration> keyRotationInterval() {
    long days = whole(KEY_ROTATION_DAYS, 180, 0, "days");
    return days == 0 ? Optional.empty() : Optional.of(Duration.ofDays(days));
  }

  /**
   * {@code somework.keys.overlap-minutes}: how long a new key is published before it signs (default
   * 60 min, at least 1). The key set's {@code Cache-Control: max-age} is never longer, so every
   * platform that honours it holds the new key before the first signature by it.
   */
  public Duration keyOverlap() {
    return Duration.ofMinutes(whole(KEY_OVERLAP_MINUTES, 60, 1, "minutes"));
  }

  /**
   * {@code somework.health.outbox-stuck-minutes}: a score due for delivery that has waited this long
   * past its due time makes the tool not ready (default 15 min, at least 3: longer than an attempt's
   * claim, so an attempt in progress never counts as stuck).
   */
  public Duration outboxStuckAfter() {
    return Duration.ofMinutes(whole(OUTBOX_STUCK_MINUTES, 15, 3, "minutes"));
  }

  /**
   * {@code somework.outbox.claim-seconds}: how long an instance's claim on a score it is sending
   * holds (default 120 s, at least 5). An instance that dies mid-attempt (kill -9, a crash) holds
   * its claims this long; another instance then sends those scores. Keep it longer than one attempt
   * can take (a token, a line item and a score request, each up to 10 s): a claim that lapses
   * during an attempt lets a second instance send the same score, which platforms ignore as not newer.
   */
  public Duration outboxClaim() {
    return Duration.ofSeconds(whole(OUTBOX_CLAIM_SECONDS, 120, 5, "seconds"));
  }

  /**
   * {@code somework.retention.months}: a course's reflections, grades, progress and members are
   * deleted this many months after its last activity (default 0: never by the tool itself).
   */
  public OptionalInt retentionMonths() {
    long months = whole(RETENTION_MONTHS, 0, 0, "months");
    return months == 0 ? OptionalInt.empty() : OptionalInt.of((int) months);
  }

  /**
   * {@code somework.proxy.trusted-addresses}: the reverse proxies whose {@code X-Forwarded-For} the
   * tool believes, comma-separated IP addresses or CIDR ranges (default none: the client's address
   * is the socket's, whatever a request's headers say).
   *
   * @throws IllegalStateException if an entry is not an IP address or CIDR range
   */
  public java.util.List<AddressRange> trustedProxies() {
    java.util.List<AddressRange> ranges = new java.util.ArrayList<>();
    for (String entry : get(PROXY_TRUSTED_ADDRESSES).orElse("").split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      try {
        ranges.add(AddressRange.parse(entry));
      } catch (IllegalArgumentException malformed) {
        throw invalid(PROXY_TRUSTED_ADDRESSES, "must list IP addresses or CIDR ranges separated by commas"
            + " (e.g. 10.0.0.5, 10.1.0.0/16, fd00::/8): " + malformed.getMessage());
      }
    }
    return java.util.List.copyOf(ranges);
  }

  /** {@code somework.key-encryption-secret}: what private keys are encrypted under; a secret: never log it. */
  public Optional<String> keyEncryptionSecret() {
    return get(KEY_ENCRYPTION_SECRET);
  }

  /** {@code somework.admin.user}: the tool administrator's user name for the console (default {@code admin}). */
  public String adminUser() {
    return get(ADMIN_USER).orElse("admin");
  }

  /**
   * {@code somework.admin.password-hash}: the bcrypt hash ({@code $2a$}, {@code $2b$} or
   * {@code $2y$}) of the tool administrator's console password; empty when not set.
   *
   * @throws IllegalStateException if it is set but not a bcrypt hash (the message omits the value)
   */
  public Optional<String> adminPasswordHash() {
    Optional<String> hash = get(ADMIN_PASSWORD_HASH);
    if (hash.isPresent() && !BCRYPT_HASH.matcher(hash.get()).matches()) {
      throw invalid(ADMIN_PASSWORD_HASH, "must be a bcrypt hash ($2a$, $2b$ or $2y$, cost 04–31, 60 characters)");
    }
    return hash;
  }

  /**
   * {@code somework.admin.token-sha256}: the SHA-256 (64 hex digits, returned in lower case) of the
   * administrators' API token; empty when not set (the API then refuses every request).
   *
   * @throws IllegalStateException if it is set but not 64 hex digits
   */
  public Optional<String> adminTokenSha256() {
    Optional<String> hash = get(ADMIN_TOKEN_SHA256);
    if (hash.isPresent() && !SHA256_HEX.matcher(hash.get()).matches()) {
      throw invalid(ADMIN_TOKEN_SHA256, "must be the SHA-256 of the token as 64 hexadecimal digits");
    }
    return hash.map(h -> h.toLowerCase(Locale.ROOT));
  }

  /** {@code somework.db.url}: the JDBC URL; by default an H2 file in the data folder. */
  public String databaseUrl() {
    return get("somework.db.url")
        .orElse("jdbc:h2:file:" + dataDir().resolve("somework").toString().replace('\\', '/')
            + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  /** {@code somework.db.user} (default {@code sa}). */
  public String databaseUser() {
    return get("somework.db.user").orElse("sa");
  }

  /** {@code somework.db.password} (default empty); a secret: never log it. */
  public String databasePassword() {
    return get("somework.db.password").orElse("");
  }

  /**
   * {@code somework.db.count-statements}: count every SQL statement and commit per request and
   * answer the counts in the header {@code X-Somework-Db} (default false; for measuring and tests,
   * see docs/benchmarks.md).
   */
  public boolean countStatements() {
    return get("somework.db.count-statements").map(v -> v.equalsIgnoreCase("true")).orElse(false);
  }

  private Config config() {
    Config c = config;
    if (c == null) {
      // constructed outside the container (a test, a tool): the configuration of this class loader
      c = ConfigProvider.getConfig(Settings.class.getClassLoader());
      config = c;
    }
    return c;
  }

  private static void checkBaseUrl(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (java.net.URISyntaxException e) {
      throw invalid(BASE_URL, "must be an absolute http or https URL, not '" + value + "'");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw invalid(BASE_URL, "must be an absolute http or https URL, not '" + value + "'");
    }
  }

  private long whole(String key, long fallback, long minimum, String unit) {
    Optional<String> value = get(key);
    if (value.isEmpty()) {
      return fallback;
    }
    long number;
    try {
      number = Integer.parseInt(value.get()); // an int: beyond it, durations overflow later
    } catch (NumberFormatException e) {
      throw invalid(key, "must be a whole number of " + unit + ", not '" + value.get() + "'");
    }
    if (number < minimum) {
      throw invalid(key, "must be at least " + minimum + " " + unit + ", not " + number);
    }
    return number;
  }

  /** A malformed value: the message names the key, its environment variable and what is wrong. */
  static IllegalStateException invalid(String key, String problem) {
    return new IllegalStateException("Configuration " + key + " (environment " + envName(key) + ") "
        + problem + ".");
  }
}
