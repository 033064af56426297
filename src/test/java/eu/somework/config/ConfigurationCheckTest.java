package eu.somework.config;

import eu.somework.testsupport.LogCapture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.testsupport.TestConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What start-up refuses, and the one log line per problem the operator reads. */
class ConfigurationCheckTest {
  private static final String SECRET = "k3y-encryption-s3cret-never-logged";
  private static final Map<String, String> PRODUCTION = Map.of(
      "somework.mode", "production",
      "somework.base-url", "https://somework.example.edu",
      "somework.key-encryption-secret", SECRET,
      "somework.db.password", "db-pw-never-logged");

  @RegisterExtension final LogCapture log = new LogCapture(ConfigurationCheck.class);

  private static List<String> problems(Map<String, String> properties) {
    return ConfigurationCheck.problems(new Settings(TestConfig.of(properties)));
  }

  private static Map<String, String> production(String key, String valueOrNullToRemove) {
    Map<String, String> properties = new HashMap<>(PRODUCTION);
    if (valueOrNullToRemove == null) {
      properties.remove(key);
    } else {
      properties.put(key, valueOrNullToRemove);
    }
    return properties;
  }

  @Test
  void theDefaultsStartInDevelopmentMode() {
    assertEquals(List.of(), problems(Map.of()));
  }

  @Test
  void aCompleteProductionConfigurationStarts() {
    assertEquals(List.of(), problems(PRODUCTION));
  }

  @Test
  void productionWithoutAKeyEncryptionSecretIsRefusedNamingTheKey() {
    assertEquals(List.of("Production mode refuses to start without somework.key-encryption-secret: set it"
            + " (environment SOMEWORK_KEY_ENCRYPTION_SECRET) to a long random secret (from the environment or a"
            + " secret file) so that private keys are stored encrypted."),
        problems(production("somework.key-encryption-secret", null)));
  }

  @Test
  void productionWithoutABaseUrlIsRefusedNamingTheKey() {
    List<String> problems = problems(production("somework.base-url", null));

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("Production mode refuses to start without somework.base-url: set it"
        + " (environment SOMEWORK_BASE_URL)"), problems.get(0));
  }

  @Test
  void productionOnAPlainHttpBaseUrlIsRefused() {
    List<String> problems = problems(production("somework.base-url", "http://somework.example.edu"));

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("somework.base-url (environment SOMEWORK_BASE_URL) must be an https URL"),
        problems.get(0));
  }

  @Test
  void aMalformedBaseUrlInProductionIsOneProblemNotTwo() {
    List<String> problems = problems(production("somework.base-url", "somework.example.edu"));

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("must be an absolute http or https URL"), problems.get(0));
  }

  @Test
  void anUnknownModeIsOneProblem() {
    assertEquals(List.of("Configuration somework.mode (environment SOMEWORK_MODE) must be development or production,"
        + " not 'live'."), problems(Map.of("somework.mode", "live")));
  }

  @Test
  void developmentModeNeedsNeitherHttpsNorASecret() {
    assertEquals(List.of(), problems(Map.of("somework.base-url", "http://localhost:8080")));
  }

  @Test
  void everyMalformedValueIsReportedNotOnlyTheFirst() {
    List<String> problems = problems(Map.of(
        "somework.session.minutes", "four hours",
        "somework.launch.clock-skew-seconds", "-1",
        "somework.simulator.enabled", "yes"));

    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("somework.session.minutes") && p.contains("'four hours'")));
    assertTrue(problems.stream().anyMatch(p -> p.contains("somework.launch.clock-skew-seconds") && p.contains("-1")));
    assertTrue(problems.stream().anyMatch(p -> p.contains("somework.simulator.enabled") && p.contains("'yes'")));
  }

  @Test
  void aRefusedStartLogsOneSevereLinePerProblemAndNoSecret() {
    Settings settings = new Settings(TestConfig.of(production("somework.base-url", null),
        Map.of("SOMEWORK_SESSION_MINUTES", "many")));

    ConfigurationRefused refused = assertThrows(ConfigurationRefused.class, () -> ConfigurationCheck.enforce(settings));

    List<String> severe = log.records().stream().filter(r -> r.getLevel() == Level.SEVERE).map(LogRecord::getMessage).toList();
    assertEquals(refused.problems(), severe);
    assertEquals(2, severe.size(), severe.toString());
    assertTrue(severe.stream().anyMatch(line -> line.contains("SOMEWORK_BASE_URL")), severe.toString());
    assertTrue(severe.stream().anyMatch(line -> line.contains("SOMEWORK_SESSION_MINUTES")), severe.toString());
    severe.forEach(line -> assertFalse(line.contains(SECRET) || line.contains("db-pw-never-logged"), line));
    assertFalse(refused.getMessage().contains(SECRET));
  }

  @Test
  void aValidConfigurationLogsNothingAndStarts() {
    ConfigurationCheck.enforce(new Settings(TestConfig.of(PRODUCTION)));

    assertEquals(List.of(), log.records());
  }

  @Test
  void trustedProxiesMustBeAddressesOrRanges() {
    assertEquals(List.of(), problems(Map.of("somework.proxy.trusted-addresses", "10.0.0.5, 10.1.0.0/16, fd00::/8")));
    assertEquals(List.of(), problems(Map.of("somework.proxy.trusted-addresses", "")));
    List<String> problems = problems(Map.of("somework.proxy.trusted-addresses", "10.0.0.5, proxy.example.org"));
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).contains("somework.proxy.trusted-addresses"), problems.get(0));
    assertTrue(problems.get(0).contains("SOMEWORK_PROXY_TRUSTED_ADDRESSES"), problems.get(0));
    assertTrue(problems.get(0).contains("'proxy.example.org' is not an IP address or CIDR range"), problems.get(0));
    assertEquals(1, problems(Map.of("somework.proxy.trusted-addresses", "10.0.0.0/40")).size());
  }
}
