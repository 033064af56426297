package eu.somework.simulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.config.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With somework.simulator.enabled=false every simulator URL is a 404; the tool's own URLs are not. */
class SimulatorGateTest {
  private final SimulatorGate gate = new SimulatorGate();

  SimulatorGateTest() {
    gate.settings = new Settings();
  }

  @AfterEach
  void reset() {
    System.clearProperty("somework.simulator.enabled");
  }

  @Test
  void simulatorUrlsAreGoneWhenTheSimulatorIsOff() {
    System.setProperty("somework.simulator.enabled", "false");
    for (String path : new String[] {"simulator", "/simulator", "simulator/auth", "/simulator/jwks", "simulator/token",
        "/simulator/.well-known/openid-configuration", "/simulator/registration", "/simulator/register-tool"}) {
      assertTrue(gate.hides(path), path);
    }
    assertFalse(gate.hides("lti/launch"));
    assertFalse(gate.hides("simulatorish"));
  }

  @Test
  void simulatorUrlsAnswerByDefault() {
    assertFalse(gate.hides("simulator/auth"));
  }
}
