package eu.somework.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A registration token works until it expires, and once. */
class SimRegistrationTokenTest {
  static final Instant ISSUED = Instant.parse("2026-12-02T10:00:00Z");

  final SimRegistrationToken token = new SimRegistrationToken("hash", ISSUED, ISSUED.plus(
      SimulatorRegistrations.TOKEN_LIFETIME));

  @Test
  void aFreshTokenWorks() {
    assertEquals(Optional.empty(), token.refusal(ISSUED.plusSeconds(3599)));
  }

  @Test
  void aTokenStopsWorkingWhenItsHourIsOver() {
    assertEquals(Optional.of("The registration token has expired; start the registration again on the platform."),
        token.refusal(ISSUED.plusSeconds(3600)));
  }

  @Test
  void aUsedTokenWorksNoMore() {
    token.use(ISSUED.plusSeconds(5));
    assertEquals(Optional.of("The registration token was already used; a token registers one tool only."),
        token.refusal(ISSUED.plusSeconds(6)));
  }

  @Test
  void onlyTheHashOfATokenIsKeptAndItIsSha256() {
    assertEquals("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        SimulatorRegistrations.sha256("test"));
  }
}
