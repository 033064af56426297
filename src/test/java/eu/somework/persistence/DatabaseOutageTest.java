package eu.somework.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures say the database cannot be reached, wherever they sit in the cause chain. */
class DatabaseOutageTest {
  @Test
  void aRefusedConnectionDeepInTheChainIsAnOutage() {
    Throwable failure = new PersistenceException("wrapped",
        new IllegalStateException("again", new SQLException("Connection to db:5432 refused.", "08001")));

    assertTrue(DatabaseOutage.isCause(failure));
    assertEquals("SQL state 08001", DatabaseOutage.describe(failure), "the state, never the host");
  }

  @Test
  void aServerShuttingDownIsAnOutage() {
    assertTrue(DatabaseOutage.isCause(new SQLException("terminating connection due to administrator command",
        "57P01")));
    assertTrue(DatabaseOutage.isCause(new SQLException("the database system is starting up", "57P03")));
  }

  @Test
  void aSocketErrorWithoutSqlStateIsAnOutage() {
    Throwable failure = new PersistenceException(new ConnectException("Connection refused"));

    assertTrue(DatabaseOutage.isCause(failure));
    assertEquals("ConnectException", DatabaseOutage.describe(failure));
  }

  @Test
  void aDuplicateKeyOrASyntaxErrorIsNoOutage() {
    assertFalse(DatabaseOutage.isCause(new PersistenceException(new SQLException("duplicate key", "23505"))));
    assertFalse(DatabaseOutage.isCause(new SQLException("syntax error", "42601")));
    assertFalse(DatabaseOutage.isCause(new IllegalStateException("no cause")));
  }
}
