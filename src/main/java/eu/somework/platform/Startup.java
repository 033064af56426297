package eu.somework.platform;

import eu.somework.config.ConfigurationCheck;
import eu.somework.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Start-up: the configuration check (a problem refuses the start, one log line each, before the
 * database is touched), schema migrations (through the database bean), the tool's keys, the registrations in
 * the configuration folder, then the features that hook into {@link ToolStarted} (simulator,
 * content). Ends with the URL to open.
 */
@ApplicationScoped
public class Startup {
  private static final Logger LOG = Logger.getLogger(Startup.class.getName());

  @Inject Settings settings;
  @Inject KeyRing keys;
  @Inject PlatformDirectory platforms;
  @Inject Event<ToolStarted> started;

  /**
   * System property set to {@code true} once the start-up is done: the runnable jar's launcher
   * (eu.somework.cli.Launcher) ends the process when Payara Micro has booted without it, since Payara
   * Micro keeps a server whose application failed to start running.
   */
  public static final String STARTED_PROPERTY = "eu.somework.started";

  /** Fired once the tool's own start-up is done. */
  public record ToolStarted(String baseUrl) {}

  /** A platform whose file was removed loses its access now, not never. */
  private void revokeRegistrationsOfRemovedFiles(PlatformFileLoader.Result result) {
    if (result.files().isEmpty()) {
      LOG.severe("Registrations loaded from files earlier are kept for now: " + settings.ltiConfigDir()
          + " could not be listed, so it is unknown which files were removed.");
      return;
    }
    platforms.revokeRegistrationsOfRemovedFiles(result.files().get()).forEach(revoked ->
        LOG.warning("Platform registration revoked, its file is gone: " + revoked));
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object context) {
    ConfigurationCheck.enforce(settings);
    keys.ensureKeys(KeyRing.TOOL);
    if (!java.nio.file.Files.isDirectory(settings.ltiConfigDir())) {
      LOG.info(() -> "No platform files: the folder " + settings.ltiConfigDir() + " does not exist"
          + " (setting somework.lti-config-dir); platforms registered in the console, API or by Dynamic Registration"
          + " are not affected.");
    }
    PlatformFileLoader.Result result = new PlatformFileLoader().load(settings.ltiConfigDir());
    for (PlatformFileLoader.Loaded loaded : result.registrations()) {
      platforms.save(loaded.registration(), Registration.Origin.FILE, loaded.fileName());
      LOG.info(() -> "Platform registration loaded from " + loaded.fileName() + ": "
          + loaded.registration().issuer() + " (client id " + loaded.registration().clientId() + ")");
    }
    result.problems().forEach(problem -> LOG.severe("Platform registration skipped — " + problem));
    revokeRegistrationsOfRemovedFiles(result);
    String base = settings.baseUrl();
    started.fire(new ToolStarted(base));
    System.setProperty(STARTED_PROPERTY, "true");
    LOG.info(() -> "\n\n  SoMe@Work is ready. Open " + base + "/"
        + (settings.simulatorEnabled() ? "  (platform simulator: " + base + "/simulator)" : "") + "\n");
  }
}
