package eu.somework.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.BadRequestException;
import org.junit.jupiter.api.Test;

/**
 * The simulator's "Register a tool" sends a live registration token to the pasted URL: only over
 * https, or plain http on this machine, and only for a URL of sensible length.
 */
class SimulatorRegisterToolTest {

  @Test
  void aToolOnThisMachineOrOnHttpsIsAccepted() {
    assertEquals("localhost", SimulatorRegisterToolResource.toolUrl("http://localhost:8080/lti/register").getHost());
    assertEquals("tool.example.edu",
        SimulatorRegisterToolResource.toolUrl("https://tool.example.edu/lti/register").getHost());
  }

  @Test
  void plainHttpToAnotherMachineIsRefused() {
    BadRequestException e = assertThrows(BadRequestException.class,
        () -> SimulatorRegisterToolResource.toolUrl("http://example.com/lti/register"));
    assertTrue(e.getMessage().contains("must use https"), e.getMessage());
    assertEquals(400, e.getResponse().getStatus());
  }

  @Test
  void anOverlongUrlIsRefused() {
    String url = "https://tool.example.edu/lti/register?x=" + "a".repeat(SimulatorRegisterToolResource.MAX_URL_LENGTH);
    BadRequestException e = assertThrows(BadRequestException.class, () -> SimulatorRegisterToolResource.toolUrl(url));
    assertTrue(e.getMessage().contains("longer than 2000 characters"), e.getMessage());
    String justRight = "https://tool.example.edu/?x=" + "a".repeat(SimulatorRegisterToolResource.MAX_URL_LENGTH - 28);
    assertEquals(SimulatorRegisterToolResource.MAX_URL_LENGTH, justRight.length());
    SimulatorRegisterToolResource.toolUrl(justRight);
  }
}
