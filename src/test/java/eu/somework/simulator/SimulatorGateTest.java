package eu.somework.simulator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.somework.config.Settings;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
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

  private static ContainerRequestContext request(String path) {
    UriInfo uri = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
        (p, method, args) -> "getPath".equals(method.getName()) ? path : null);
    return (ContainerRequestContext) Proxy.newProxyInstance(ContainerRequestContext.class.getClassLoader(),
        new Class<?>[] {ContainerRequestContext.class},
        (p, method, args) -> "getUriInfo".equals(method.getName()) ? uri : null);
  }

  @Test
  void simulatorUrlsAreGoneWhenTheSimulatorIsOff() {
    System.setProperty("somework.simulator.enabled", "false");
    for (String path : new String[] {"simulator", "/simulator", "simulator/auth", "/simulator/jwks", "simulator/token"}) {
      assertThrows(NotFoundException.class, () -> gate.filter(request(path)), path);
    }
    assertDoesNotThrow(() -> gate.filter(request("lti/launch")));
    assertDoesNotThrow(() -> gate.filter(request("simulatorish")));
  }

  @Test
  void simulatorUrlsAnswerByDefault() {
    assertDoesNotThrow(() -> gate.filter(request("simulator/auth")));
  }
}
