package eu.somework.simulator;

import eu.somework.config.Settings;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/** With the simulator off (production), its URLs do not exist. */
@Provider
@PreMatching
public class SimulatorGate implements ContainerRequestFilter {
  @Inject Settings settings;

  @Override
  public void filter(ContainerRequestContext request) {
    if (hides(request.getUriInfo().getPath())) {
      throw new NotFoundException("There is no such page.");
    }
  }

  /** Whether the path is one of the simulator's while the simulator is off. */
  boolean hides(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return (p.equals("simulator") || p.startsWith("simulator/")) && !settings.simulatorEnabled();
  }
}
