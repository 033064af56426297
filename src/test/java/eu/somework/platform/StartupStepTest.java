package eu.somework.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.somework.testsupport.LogCapture;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.RollbackException;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A start-up step that fails refuses the start with one SEVERE line naming the step and the reason. */
class StartupStepTest {
  @RegisterExtension final LogCapture log = new LogCapture(Startup.class);

  @Test
  void aDatabaseErrorIsLoggedInOneLineWithTheStepTheDatabasesFirstLineAndItsState() {
    RuntimeException failure = new RollbackException("commit failed", new PersistenceException("wrapped",
        new SQLException("ERROR: duplicate key value violates unique constraint \"uq_registration\"\n"
            + "  Detail: Key (issuer, client_id)=(https://lms.example.edu, c-1) already exists.", "23505")));

    RuntimeException thrown = assertThrows(RuntimeException.class,
        () -> Startup.step("loading the platform files from /etc/somework", () -> {
          throw failure;
        }));

    assertSame(failure, thrown, "the start is refused with the failure itself");
    assertEquals(1, log.records().size());
    LogRecord line = log.records().get(0);
    assertEquals(Level.SEVERE, line.getLevel());
    assertEquals("SoMe@Work does not start: the step 'loading the platform files from /etc/somework' failed:"
        + " ERROR: duplicate key value violates unique constraint \"uq_registration\" (SQL state 23505)",
        line.getMessage());
  }

  @Test
  void anotherFailureIsLoggedWithItsDeepestCause() {
    assertThrows(IllegalStateException.class, () -> Startup.step("creating the tool's signing keys", () -> {
      throw new IllegalStateException("outer", new IllegalArgumentException("Cannot generate an RSA key"));
    }));

    assertEquals(1, log.records().size());
    assertEquals("SoMe@Work does not start: the step 'creating the tool's signing keys' failed:"
        + " IllegalArgumentException: Cannot generate an RSA key", log.records().get(0).getMessage());
  }

  @Test
  void aStepThatSucceedsLogsNothing() {
    Startup.step("checking the configuration", () -> { });

    assertEquals(0, log.records().size());
  }
}
