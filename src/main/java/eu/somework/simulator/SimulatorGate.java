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
    String path = request.getUriInfo().getPath();
    boolean simulatorPath = path.equals("simulator") || path.startsWith("simulator/")
        || path.equals("/simulator") || path.startsWith("/simulator/");
    if (simulatorPath && !settings.simulatorEnabled()) {
      throw new NotFoundException("There is no such page.");
    }
  }
}
