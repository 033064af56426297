package eu.somework.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The configuration is checked once, before the tool touches its database: every value must be
 * well formed, and in production mode the tool must know its public https URL and have a
 * key-encryption secret. Each problem is one sentence naming the key to set; none contains a
 * secret.
 */
public final class ConfigurationCheck {
  private static final Logger LOG = Logger.getLogger(ConfigurationCheck.class.getName());

  private ConfigurationCheck() {}

  /** Every problem of the configuration, one sentence each; empty when the tool may start. */
  public static List<String> problems(Settings settings) {
    List<String> problems = new ArrayList<>();
    Boolean production = ask(problems, settings::production);
    String baseUrl = ask(problems, settings::baseUrl);
    ask(problems, settings::simulatorEnabled);
    ask(problems, settings::dynamicRegistration);
    ask(problems, settings::clockSkew);
    ask(problems, settings::unknownKeyRefetchInterval);
    ask(problems, settings::sessionLifetime);
    ask(problems, settings::keyRotationInterval);
    ask(problems, settings::keyOverlap);
    ask(problems, settings::adminPasswordHash);
    ask(problems, settings::adminTokenSha256);
    ask(problems, settings::outboxStuckAfter);
    ask(problems, settings::outboxClaim);
    ask(problems, settings::retentionMonths);
    ask(problems, settings::trustedProxies);
    if (Boolean.TRUE.equals(production)) {
      productionProblems(settings, baseUrl != null, problems);
    }
    return problems;
  }

  /**
   * Logs each problem as one SEVERE line and refuses the start.
   *
   * @throws ConfigurationRefused if there is any problem
   */
  public static void enforce(Settings settings) {
    List<String> problems = problems(settings);
    if (problems.isEmpty()) {
      return;
    }
    problems.forEach(LOG::severe);
    throw new ConfigurationRefused(problems);
  }

  /** {@code baseUrlWellFormed}: false when the base URL's problem is already reported. */
  private static void productionProblems(Settings settings, boolean baseUrlWellFormed, List<String> problems) {
    if (settings.get(Settings.BASE_URL).isEmpty()) {
      problems.add(refusal(Settings.BASE_URL, "to the tool's public https URL (as platforms and browsers reach it)"));
    } else if (baseUrlWellFormed && !settings.baseUrl().toLowerCase(Locale.ROOT).startsWith("https://")) {
      problems.add("Production mode refuses to start: " + Settings.BASE_URL + " (environment "
          + Settings.envName(Settings.BASE_URL) + ") must be an https URL; LMS pages are https and"
          + " browsers block an http tool inside them.");
    }
    if (settings.keyEncryptionSecret().isEmpty()) {
      problems.add(refusal(Settings.KEY_ENCRYPTION_SECRET,
          "to a long random secret (from the environment or a secret file) so that private keys are stored encrypted"));
    }
  }

  private static String refusal(String key, String what) {
    return "Production mode refuses to start without " + key + ": set it (environment " + Settings.envName(key)
        + ") " + what + ".";
  }

  private static <T> T ask(List<String> problems, Supplier<T> accessor) {
    try {
      return accessor.get();
    } catch (IllegalStateException malformed) {
      if (!problems.contains(malformed.getMessage())) { // a bad mode fails the simulator switch too
        problems.add(malformed.getMessage());
      }
      return null;
    }
  }
}
