package eu.somework.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.config.Settings;
import eu.somework.testsupport.LogCapture;
import eu.somework.testsupport.TestConfig;
import eu.somework.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * What a failed administrators' sign-in writes to the log: a warning with the request's correlation
 * id and never the client's address (personal data the log must not hold, docs/privacy.md).
 */
class AdminSignInLogTest {
  @RegisterExtension final LogCapture log = new LogCapture(AdminSignInResource.class);
  private static final String ADDRESS = "203.0.113.77";
  private static final String PASSWORD = "correct horse battery staple";

  private final AdminSignInResource resource = new AdminSignInResource();
  private int failuresCounted;

  AdminSignInLogTest() {
    resource.credentials = AdminCredentials.over(new Settings(TestConfig.of(Map.of(
        "somework.admin.user", "operator",
        "somework.admin.password-hash", BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4))))));
    resource.failures = new FailedSignIns() {
      @Override
      public Optional<Duration> blocked(String address) {
        return Optional.empty();
      }

      @Override
      public void failed(String address) {
        failuresCounted++;
      }
    };
    resource.audit = new AdminAudit() {
      @Override
      public void record(Channel channel, String action, String issuer, String clientId, String detail) {}
    };
    resource.clientAddress = new ClientAddress(List.of());
    resource.request = proxy(HttpServletRequest.class, Map.of("getRemoteAddr", ADDRESS,
        "getHeaders", Collections.emptyEnumeration()));
    resource.headers = proxy(HttpHeaders.class, Map.of());
  }

  @Test
  void aFailedSignInIsLoggedWithItsCorrelationIdAndWithoutTheAddress() {
    assertEquals(401, resource.signIn("operator", "wrong password").getStatus());
    assertEquals(1, failuresCounted, "the failure still counts against the address");
    assertEquals(1, log.records().size());
    LogRecord record = log.records().get(0);
    assertEquals(Level.WARNING, record.getLevel());
    String line = record.getMessage();
    assertTrue(line.contains("failed sign-in") && line.contains("correlation="), line);
    assertFalse(line.contains(ADDRESS), line);
    assertFalse(line.contains("operator"), "nor the user name tried: " + line);
  }

  @Test
  void aSuccessfulSignInIsLoggedAsInformationAlsoWithoutTheAddress() {
    resource.clock = Clock.systemUTC();
    try {
      resource.signIn("operator", PASSWORD);
    } catch (NullPointerException noSessionKeys) {
      // issuing the session cookie needs the database's keys; the log line is written before
    }
    assertEquals(0, failuresCounted);
    assertEquals(1, log.records().size(), log.records().toString());
    LogRecord record = log.records().get(0);
    assertEquals(Level.INFO, record.getLevel());
    assertTrue(record.getMessage().contains("signed in") && record.getMessage().contains("correlation="),
        record.getMessage());
    assertFalse(record.getMessage().contains(ADDRESS), record.getMessage());
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Map<String, Object> answers) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (self, method, args) -> answers.get(method.getName()));
  }
}
