package eu.somework.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.session.AdminSessionTokens;
import eu.somework.session.AdminSessionTokens.AdminSession;
import eu.somework.testsupport.DatabaseEngine;
import eu.somework.testsupport.HandClock;
import eu.somework.testsupport.MigratedDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Console sessions signed out of, on a real database (H2 and PostgreSQL). */
@ParameterizedClass
@EnumSource(DatabaseEngine.class)
class SignedOutSessionsTest {
  private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

  @Parameter DatabaseEngine engine;

  private MigratedDatabase db;
  private HandClock clock;
  private SignedOutSessions signedOut;

  @BeforeEach
  void open() {
    db = MigratedDatabase.emptied(engine);
    clock = new HandClock(NOW);
    signedOut = new SignedOutSessions();
    signedOut.tx = db.transactor();
    signedOut.clock = clock;
  }

  @Test
  void aSignedOutSessionStaysEndedWhileRenewedAndAnotherGoesOn() {
    AdminSession mine = AdminSessionTokens.start("admin", NOW);
    AdminSession other = AdminSessionTokens.start("admin", NOW);

    signedOut.end(mine);

    assertTrue(signedOut.ended(mine));
    assertTrue(signedOut.ended(mine.renewedAt(NOW.plusSeconds(60))), "a renewed copy is the same session");
    assertFalse(signedOut.ended(other), "another sign-in of the same administrator goes on");
  }

  @Test
  void signingOutTwiceKeepsOneRecordAndRecordsOfSessionsPastTheirMaximumAreDropped() {
    AdminSession old = AdminSessionTokens.start("admin", NOW);
    signedOut.end(old);
    signedOut.end(old);
    assertEquals(1L, rows());

    clock.advance(AdminSessionTokens.MAXIMUM.plus(Duration.ofMinutes(1)));
    signedOut.end(AdminSessionTokens.start("admin", clock.instant()));

    assertFalse(signedOut.ended(old), "its record went: the token itself has expired by now");
    assertEquals(1L, rows());
  }

  private long rows() {
    return db.inTransaction(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM admin_session_end")
        .getSingleResult()).longValue());
  }
}
