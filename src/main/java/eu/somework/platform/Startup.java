package eu.somework.platform;

import eu.somework.config.ConfigurationCheck;
import eu.somework.config.ConfigurationRefused;
import eu.somework.config.Settings;
import eu.somework.persistence.Database;
import eu.somework.persistence.DatabaseUnavailable;
import eu.somework.persistence.MigrationFailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Start-up: the configuration check (a problem refuses the start, one log line each, before the
 * database is touched), schema migrations (through the database bean), the tool's keys, the registrations in
 * the configuration folder, then the features that hook into {@link ToolStarted} (simulator,
 * content). Ends with the URL to open.
 *
 * <p>Several instances may start at once on one PostgreSQL database: opening the database takes this
 * instance's turn ({@link eu.somework.persistence.StartupLock}), and the turn lasts until the start-up
 * writes (keys, platform files, the features' first steps) are done, so a second instance finds the
 * first one's keys and registrations instead of making its own.
 *
 * <p>A step that fails refuses the start with one SEVERE line naming the step and the reason (the
 * configuration check, the database connection and the migrations log their own line).
 */
@ApplicationScoped
public class Startup {
  private static final Logger LOG = Logger.getLogger(Startup.class.getName());

  @Inject Settings settings;
  @Inject Database database;
  @Inject KeyRing keys;
  @Inject PlatformDirectory platforms;
  @Inject Event<ToolStarted> started;

  /**
   * System property set to {@code true} once the start-up is done: the runnable jar's launcher
   * (eu.somework.cli.Launcher) ends the process when Payara Micro has booted without it, since Payara
   * Micro keeps a server whose application failed to start running.
   */
  public static final String STARTED_PROPERTY = "eu.somework.started";

  private static volatile boolean done;

  /**
   * Whether this application's start-up is done. Until then the readiness checks answer DOWN
   * without touching the beans the start-up creates: Payara Micro runs them for a probe that
   * arrives while the application is still deploying, and content loaded on that request's thread
   * then failed to find its template classes, which refused the start.
   */
  public static boolean done() {
    return done;
  }

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
    step("checking the configuration", () -> ConfigurationCheck.enforce(settings));
    // a failed open has given its turn back already (and calling the bean again would open it again)
    step("opening the database (connection, turn among starting instances, migrations)",
        () -> database.factory());
    try {
      step("creating the tool's signing keys", () -> keys.ensureKeys(KeyRing.TOOL));
      step("loading the platform files from " + settings.ltiConfigDir(), this::loadPlatformFiles);
      step("starting the features (simulator, first key-rotation step, content, background jobs)",
          () -> started.fire(new ToolStarted(settings.baseUrl())));
    } finally {
      database.startupDone();
    }
    done = true;
    System.setProperty(STARTED_PROPERTY, "true");
    String base = settings.baseUrl();
    LOG.info(() -> "\n\n  SoMe@Work is ready. Open " + base + "/"
        + (settings.simulatorEnabled() ? "  (platform simulator: " + base + "/simulator)" : "") + "\n");
  }

  private void loadPlatformFiles() {
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
  }

  /**
   * Runs one start-up step; a failure is logged in one SEVERE line that names the step and gives the
   * reason (the deepest database error's first line and SQL state, else the deepest cause's message),
   * unless it was logged already, and refuses the start.
   */
  static void step(String name, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      if (!alreadyLogged(e)) {
        LOG.severe("SoMe@Work does not start: the step '" + name + "' failed: " + reason(e));
      }
      throw e;
    }
  }

  /** The configuration check, the connection and the migrations log their own line before they throw. */
  private static boolean alreadyLogged(Throwable failure) {
    return causes(failure).stream().anyMatch(t -> t instanceof ConfigurationRefused
        || t instanceof DatabaseUnavailable || t instanceof MigrationFailed);
  }

  /** One line: what the database said (first line, SQL state), else the deepest cause's type and message. */
  static String reason(Throwable failure) {
    List<Throwable> chain = causes(failure);
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (chain.get(i) instanceof SQLException sql) {
        return firstLine(sql.getMessage()) + (sql.getSQLState() == null ? "" : " (SQL state " + sql.getSQLState() + ")");
      }
    }
    Throwable root = chain.get(chain.size() - 1);
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + firstLine(root.getMessage()));
  }

  private static List<Throwable> causes(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static String firstLine(String text) {
    return String.valueOf(text).strip().lines().findFirst().orElse("").strip();
  }
}
