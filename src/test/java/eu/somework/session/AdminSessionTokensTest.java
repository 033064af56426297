package eu.somework.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.MigratedDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Console sessions: signed like tool sessions but for another audience, so neither passes for the
 * other; idle for 30 minutes or 8 hours after sign-in, they end.
 */
class AdminSessionTokensTest {
  private SessionTokens sessions;
  private AdminSessionTokens tokens;
  private final Instant signIn = Instant.parse("2026-12-02T08:00:00Z");

  @BeforeEach
  void open() {
    sessions = SessionTokens.over(MigratedDatabase.emptied(DatabaseEngine.H2).transactor(), null);
    tokens = AdminSessionTokens.over(sessions);
  }

  @Test
  void aConsoleSessionIsReadBackUntilItIsIdleTooLong() {
    AdminSessionTokens.AdminSession session = AdminSessionTokens.start("admin", signIn);
    String token = tokens.issue(session);
    assertEquals(session, tokens.verify(token, signIn.plus(Duration.ofMinutes(29))).orElseThrow());
    assertTrue(tokens.verify(token, signIn.plus(Duration.ofMinutes(30))).isEmpty(), "30 idle minutes end it");
    assertTrue(tokens.verify(token + "x", signIn).isEmpty(), "an altered token is nothing");
  }

  @Test
  void renewingKeepsTheSessionUpToEightHoursAfterSignIn() {
    AdminSessionTokens.AdminSession session = AdminSessionTokens.start("admin", signIn);
    AdminSessionTokens.AdminSession late = session.renewedAt(signIn.plus(Duration.ofHours(7).plusMinutes(50)));
    assertEquals(signIn.plus(AdminSessionTokens.MAXIMUM), late.expiresAt());
    assertEquals(session.csrfToken(), late.csrfToken());
    String token = tokens.issue(late);
    assertTrue(tokens.verify(token, signIn.plus(Duration.ofHours(7).plusMinutes(59))).isPresent());
    assertTrue(tokens.verify(token, signIn.plus(Duration.ofHours(8))).isEmpty());
  }

  @Test
  void aToolSessionIsNoConsoleSessionAndAConsoleSessionIsNoToolSession() {
    String toolToken = sessions.issue(eu.somework.testsupport.Sessions.teacher(), SessionCookie.create());
    assertTrue(tokens.verify(toolToken, Instant.now()).isEmpty());
    String consoleToken = tokens.issue(AdminSessionTokens.start("admin", Instant.now()));
    assertTrue(sessions.verify(consoleToken).isEmpty());
  }
}
