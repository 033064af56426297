package eu.somework.persistence;

import eu.somework.testsupport.LogCapture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.config.Settings;
import eu.somework.testsupport.JdbcDatabase;
import eu.somework.testsupport.PostgresServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the operator reads when the tool cannot reach its database at start-up. */
class DatabaseUnavailableTest {
  private static final String PASSWORD = "pw-never-logged";
  @RegisterExtension final LogCapture log = new LogCapture(Database.class);

  @Test
  void anUnreachableServerIsNamedInOneLogLineWithoutThePassword() throws Exception {
    int port = closedPort();
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/somework";

    DatabaseUnavailable failure = assertThrows(DatabaseUnavailable.class, () -> open(url, "somework", PASSWORD));

    assertTrue(failure.getMessage().startsWith("Cannot connect to the database " + url + " as user 'somework': "
        + "Connection to 127.0.0.1:" + port + " refused."), failure.getMessage());
    assertTrue(failure.getMessage().endsWith(" Check somework.db.url, somework.db.user and somework.db.password;"
        + " the tool does not start without its database."), failure.getMessage());
    LogRecord line = severeLine();
    assertEquals(failure.getMessage(), line.getMessage());
    assertFalse(line.getMessage().contains(PASSWORD));
  }

  @Test
  void aPasswordInTheUrlIsMaskedInTheLogLine() throws Exception {
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/somework?user=somework&password=" + PASSWORD;

    assertThrows(DatabaseUnavailable.class, () -> open(url, "somework", PASSWORD));

    String line = severeLine().getMessage();
    assertTrue(line.contains("/somework?user=somework&password=*** as user"), line);
    assertFalse(line.contains(PASSWORD), line);
  }

  @Test
  void aWrongPasswordIsReportedAsSuchAndNotRepeated() {
    JdbcDatabase db = PostgresServer.shared().createDatabaseOwnedBy("operator", "the-right-one");

    DatabaseUnavailable failure = assertThrows(DatabaseUnavailable.class,
        () -> open(db.url(), db.user(), PASSWORD));

    assertTrue(failure.getMessage().contains("password authentication failed for user \"operator\""),
        failure.getMessage());
    assertFalse(failure.getMessage().contains(PASSWORD));
  }

  @Test
  void passwordsInUrlsAreMaskedWhateverTheirForm() {
    assertEquals("jdbc:postgresql://db/somework?password=***&ssl=true",
        DatabaseUnavailable.withoutPassword("jdbc:postgresql://db/somework?password=s3cret&ssl=true"));
    assertEquals("jdbc:postgresql://db/somework?ssl=true&PASSWORD=***",
        DatabaseUnavailable.withoutPassword("jdbc:postgresql://db/somework?ssl=true&PASSWORD=s3cret"));
    assertEquals("jdbc:h2:file:/data/somework;PASSWORD=***;MODE=PostgreSQL",
        DatabaseUnavailable.withoutPassword("jdbc:h2:file:/data/somework;PASSWORD=s3cret;MODE=PostgreSQL"));
    assertEquals("jdbc:postgresql://somework:***@db:5432/somework",
        DatabaseUnavailable.withoutPassword("jdbc:postgresql://somework:s3cret@db:5432/somework"));
    assertEquals("jdbc:postgresql://db:5432/somework",
        DatabaseUnavailable.withoutPassword("jdbc:postgresql://db:5432/somework"));
  }

  private static void open(String url, String user, String password) {
    Database database = new Database();
    database.settings = new Settings() {
      @Override
      public String databaseUrl() {
        return url;
      }

      @Override
      public String databaseUser() {
        return user;
      }

      @Override
      public String databasePassword() {
        return password;
      }
    };
    database.open();
  }

  private LogRecord severeLine() {
    List<LogRecord> severe = log.records().stream().filter(r -> r.getLevel() == Level.SEVERE).toList();
    assertEquals(1, severe.size(), "one SEVERE line: " + severe);
    return severe.get(0);
  }

  /** A port nothing listens on: bound for a moment, then released. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
