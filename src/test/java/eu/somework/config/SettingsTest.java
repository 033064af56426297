package eu.somework.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.testsupport.TestConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The configuration keys of the README's table: their defaults, environment variables and malformed values. */
class SettingsTest {
  private static Settings with(Map<String, String> properties) {
    return new Settings(TestConfig.of(properties));
  }

  private static Settings withEnvironment(Map<String, String> environment) {
    return new Settings(TestConfig.of(Map.of(), environment));
  }

  @Test
  void defaultsRunTheToolOnEmbeddedStorageWithTheSimulatorInDevelopmentMode() {
    Settings settings = with(Map.of());

    assertEquals(Settings.Mode.DEVELOPMENT, settings.mode());
    assertTrue(settings.simulatorEnabled());
    assertEquals(Path.of("data").toAbsolutePath(), settings.dataDir());
    assertEquals("jdbc:h2:file:" + Path.of("data", "somework").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
        settings.databaseUrl());
    assertEquals("sa", settings.databaseUser());
    assertEquals("", settings.databasePassword());
    assertEquals(Optional.empty(), settings.keyEncryptionSecret());
    assertEquals(Duration.ofSeconds(60), settings.clockSkew());
    assertEquals(Duration.ofSeconds(30), settings.unknownKeyRefetchInterval());
    assertEquals(Duration.ofMinutes(240), settings.sessionLifetime());
    assertEquals("http://localhost:8080", settings.baseUrl());
  }

  @Test
  void everyKeyIsReadFromItsEnvironmentVariable() {
    Settings settings = withEnvironment(Map.of(
        "SOMEWORK_LAUNCH_CLOCK_SKEW_SECONDS", "5",
        "SOMEWORK_JWKS_UNKNOWN_KID_REFETCH_SECONDS", "7",
        "SOMEWORK_SESSION_MINUTES", "15",
        "SOMEWORK_SIMULATOR_ENABLED", "false",
        "SOMEWORK_BASE_URL", "https://tool.example.edu/",
        "SOMEWORK_DATA_DIR", "/srv/somework",
        "SOMEWORK_DB_URL", "jdbc:postgresql://db/somework",
        "SOMEWORK_DB_USER", "somework",
        "SOMEWORK_DB_PASSWORD", "pw",
        "SOMEWORK_KEY_ENCRYPTION_SECRET", "secret"));

    assertEquals(Duration.ofSeconds(5), settings.clockSkew());
    assertEquals(Duration.ofSeconds(7), settings.unknownKeyRefetchInterval());
    assertEquals(Duration.ofMinutes(15), settings.sessionLifetime());
    assertFalse(settings.simulatorEnabled());
    assertEquals("https://tool.example.edu", settings.baseUrl(), "without the trailing slash");
    assertEquals(Path.of("/srv/somework"), settings.dataDir());
    assertEquals("jdbc:postgresql://db/somework", settings.databaseUrl());
    assertEquals("somework", settings.databaseUser());
    assertEquals("pw", settings.databasePassword());
    assertEquals(Optional.of("secret"), settings.keyEncryptionSecret());
  }

  @Test
  void aSystemPropertyWinsOverTheEnvironment() {
    Settings settings = new Settings(TestConfig.of(Map.of("somework.session.minutes", "10"),
        Map.of("SOMEWORK_SESSION_MINUTES", "20")));

    assertEquals(Duration.ofMinutes(10), settings.sessionLifetime());
  }

  @Test
  void theDatabaseDefaultsToAnH2FileInTheDataFolder() {
    Settings settings = with(Map.of("somework.data-dir", "/var/lib/somework"));

    assertEquals("jdbc:h2:file:/var/lib/somework/somework;DB_CLOSE_ON_EXIT=FALSE", settings.databaseUrl());
  }

  @Test
  void aBlankValueCountsAsNotSet() {
    Settings settings = withEnvironment(Map.of("SOMEWORK_SESSION_MINUTES", "  ", "SOMEWORK_DB_USER", ""));

    assertEquals(Duration.ofMinutes(240), settings.sessionLifetime());
    assertEquals("sa", settings.databaseUser());
  }

  @Test
  void aNumberThatIsNotOneNamesTheKeyAndTheValue() {
    Settings settings = withEnvironment(Map.of("SOMEWORK_LAUNCH_CLOCK_SKEW_SECONDS", "sixty"));

    IllegalStateException e = assertThrows(IllegalStateException.class, settings::clockSkew);

    assertEquals("Configuration somework.launch.clock-skew-seconds (environment SOMEWORK_LAUNCH_CLOCK_SKEW_SECONDS)"
        + " must be a whole number of seconds, not 'sixty'.", e.getMessage());
  }

  @Test
  void aSessionOfNoMinutesIsRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> with(Map.of("somework.session.minutes", "0")).sessionLifetime());

    assertEquals("Configuration somework.session.minutes (environment SOMEWORK_SESSION_MINUTES)"
        + " must be at least 1 minutes, not 0.", e.getMessage());
  }

  @Test
  void aScoreClaimHoldsTwoMinutesUnlessSetAndNeverUnderFiveSeconds() {
    assertEquals(Duration.ofMinutes(2), with(Map.of()).outboxClaim());
    assertEquals(Duration.ofSeconds(10), withEnvironment(Map.of("SOMEWORK_OUTBOX_CLAIM_SECONDS", "10")).outboxClaim());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> with(Map.of("somework.outbox.claim-seconds", "4")).outboxClaim());

    assertEquals("Configuration somework.outbox.claim-seconds (environment SOMEWORK_OUTBOX_CLAIM_SECONDS)"
        + " must be at least 5 seconds, not 4.", e.getMessage());
  }

  @Test
  void theSimulatorSwitchIsTrueOrFalseAndNothingElse() {
    assertFalse(with(Map.of("somework.simulator.enabled", "FALSE")).simulatorEnabled());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> with(Map.of("somework.simulator.enabled", "no")).simulatorEnabled());
    assertTrue(e.getMessage().contains("somework.simulator.enabled"), e.getMessage());
    assertTrue(e.getMessage().contains("must be true or false, not 'no'"), e.getMessage());
  }

  @Test
  void dynamicRegistrationIsOnByDefaultAndOtherwiseOnPendingOrOff() {
    assertEquals(Settings.DynamicRegistration.ON, with(Map.of()).dynamicRegistration());
    assertEquals(Settings.DynamicRegistration.PENDING,
        with(Map.of("somework.registration.dynamic", "Pending")).dynamicRegistration());
    assertEquals(Settings.DynamicRegistration.OFF,
        with(Map.of("somework.registration.dynamic", "off")).dynamicRegistration());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> with(Map.of("somework.registration.dynamic", "approve")).dynamicRegistration());
    assertTrue(e.getMessage().contains("somework.registration.dynamic"), e.getMessage());
    assertTrue(e.getMessage().contains("must be on, pending or off, not 'approve'"), e.getMessage());
  }

  @Test
  void productionModeSwitchesTheSimulatorOffWhateverItsOwnKeySays() {
    Settings settings = with(Map.of("somework.mode", "production", "somework.simulator.enabled", "true"));

    assertEquals(Settings.Mode.PRODUCTION, settings.mode());
    assertFalse(settings.simulatorEnabled());
  }

  @Test
  void anUnknownModeIsRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> withEnvironment(Map.of("SOMEWORK_MODE", "prod")).mode());

    assertEquals("Configuration somework.mode (environment SOMEWORK_MODE) must be development or production,"
        + " not 'prod'.", e.getMessage());
  }

  @Test
  void aBaseUrlThatIsNotAnAbsoluteWebUrlIsRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> with(Map.of("somework.base-url", "tool.example.edu")).baseUrl());

    assertTrue(e.getMessage().contains("somework.base-url"), e.getMessage());
    assertTrue(e.getMessage().contains("must be an absolute http or https URL, not 'tool.example.edu'"),
        e.getMessage());
  }
}
