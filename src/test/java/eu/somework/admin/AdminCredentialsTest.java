package eu.somework.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.config.ConfigurationCheck;
import eu.somework.config.Settings;
import eu.somework.platform.Startup;
import eu.somework.session.RandomTokens;
import eu.somework.testsupport.LogCapture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import eu.somework.testsupport.TestConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** The administrators' credentials: a bcrypt password, a token compared by its SHA-256, nothing when unset. */
class AdminCredentialsTest {
  @RegisterExtension final LogCapture log = new LogCapture(AdminCredentials.class);
  private static final String PASSWORD = "correct horse battery staple";
  private static final String HASH = BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4));
  private static final String TOKEN = "an-admin-token-of-at-least-32-characters-0123";

  private static AdminCredentials with(Map<String, String> properties) {
    return AdminCredentials.over(new Settings(TestConfig.of(properties)));
  }

  @Test
  void theConfiguredUserAndPasswordSignInAndAnythingElseDoesNot() {
    AdminCredentials credentials = with(Map.of("somework.admin.user", "operator",
        "somework.admin.password-hash", HASH));
    assertTrue(credentials.checkPassword("operator", PASSWORD));
    assertFalse(credentials.checkPassword("operator", PASSWORD + "x"));
    assertFalse(credentials.checkPassword("admin", PASSWORD), "the default user name is not the configured one");
    assertFalse(credentials.checkPassword("operator", ""));
    assertFalse(credentials.checkPassword("operator", null));
    assertFalse(credentials.checkPassword(null, PASSWORD));
    assertFalse(credentials.checkPassword("operator", "x".repeat(200)), "too long for bcrypt: refused, not cut");
  }

  @Test
  void everyBcryptVariantIsAccepted() {
    for (String variant : new String[] {"$2a$", "$2b$", "$2y$"}) {
      String hash = variant + HASH.substring(4);
      assertTrue(with(Map.of("somework.admin.password-hash", hash)).checkPassword("admin", PASSWORD), variant);
    }
  }

  @Test
  void aMalformedHashRefusesTheStartAndTheMessageDoesNotShowIt() {
    Settings settings = new Settings(TestConfig.of(Map.of("somework.admin.password-hash", "secret-plain-password",
        "somework.admin.token-sha256", "not-hex")));
    IllegalStateException e = assertThrows(IllegalStateException.class, settings::adminPasswordHash);
    assertFalse(e.getMessage().contains("secret-plain-password"), e.getMessage());
    assertTrue(e.getMessage().contains("somework.admin.password-hash"), e.getMessage());
    assertEquals(2, ConfigurationCheck.problems(settings).size(), ConfigurationCheck.problems(settings).toString());
  }

  @Test
  void theHashComparedWhenThereIsNoneIsAValidCostTenHashThatNoPasswordTried() {
    // same cost as an operator's usual hash, so a sign-in without a configured hash takes as long
    assertTrue(AdminCredentials.DUMMY_HASH.startsWith("$2a$10$"));
    assertTrue(BCrypt.checkpw("not a password", AdminCredentials.DUMMY_HASH));
    assertFalse(BCrypt.checkpw("admin", AdminCredentials.DUMMY_HASH));
  }

  @Test
  void inProductionWithoutAHashNobodySignsIn() {
    AdminCredentials credentials = with(Map.of("somework.mode", "production"));
    assertFalse(credentials.consoleConfigured());
    assertFalse(credentials.checkPassword("admin", ""));
    assertFalse(credentials.checkPassword("admin", "not a password"), "not even the dummy hash's password");
  }

  @Test
  void inDevelopmentWithoutAHashAPasswordIsMadeAtStartAndLoggedOnceWithTheConsolesUrl() {
    AdminCredentials credentials = with(Map.of());
    assertTrue(credentials.consoleConfigured());
    assertFalse(credentials.checkPassword("admin", ""), "the made password is random, never empty");
    credentials.announce(new Startup.ToolStarted("http://localhost:8080"));
    assertEquals(1, log.records().size());
    String line = log.records().get(0).getMessage();
    assertTrue(line.contains("http://localhost:8080/admin") && line.contains("user 'admin'")
        && line.contains("somework.admin.password-hash"), line);
    Matcher password = Pattern.compile("password '([^']+)'").matcher(line);
    assertTrue(password.find(), line);
    assertTrue(credentials.checkPassword("admin", password.group(1)), "the logged password signs in");
  }

  @Test
  void withAHashNoPasswordIsMadeNorLogged() {
    with(Map.of("somework.admin.password-hash", HASH)).announce(new Startup.ToolStarted("http://localhost:8080"));
    assertTrue(log.records().isEmpty());
  }

  @Test
  void theTokenIsComparedByItsSha256() {
    AdminCredentials credentials = with(Map.of("somework.admin.token-sha256",
        RandomTokens.sha256(TOKEN).toUpperCase()));
    assertTrue(credentials.apiConfigured());
    assertTrue(credentials.checkToken(TOKEN), "upper-case hex in the configuration works too");
    assertFalse(credentials.checkToken(TOKEN + "x"));
    assertFalse(credentials.checkToken(RandomTokens.sha256(TOKEN)), "the hash itself is not the token");
    assertFalse(credentials.checkToken(null));
  }

  @Test
  void withoutATokenHashTheApiIsClosed() {
    AdminCredentials credentials = with(Map.of());
    assertFalse(credentials.apiConfigured());
    assertFalse(credentials.checkToken(TOKEN));
    assertFalse(credentials.checkToken(""));
  }
}
