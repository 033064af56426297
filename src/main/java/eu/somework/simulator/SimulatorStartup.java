package eu.somework.simulator;

import eu.somework.config.Settings;
import eu.somework.platform.KeyRing;
import eu.somework.platform.PlatformDirectory;
import eu.somework.platform.Registration;
import eu.somework.platform.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** When the simulator is on, it registers itself as a platform at start-up, like an LMS would. */
@ApplicationScoped
public class SimulatorStartup {
  private static final Logger LOG = Logger.getLogger(SimulatorStartup.class.getName());

  @Inject Settings settings;
  @Inject KeyRing keys;
  @Inject PlatformDirectory platforms;
  @Inject SimulatorStore store;

  void onToolStarted(@Observes Startup.ToolStarted started) {
    if (!settings.simulatorEnabled()) {
      return;
    }
    SimulatedPlatform platform = new SimulatedPlatform(started.baseUrl());
    keys.ensureKeys(SimulatedPlatform.KEY_OWNER);
    platforms.save(platform.registration(), Registration.Origin.SIMULATOR, null);
    store.ensureDefaultLink();
    LOG.info(() -> "Platform simulator registered as " + platform.issuer());
  }
}
