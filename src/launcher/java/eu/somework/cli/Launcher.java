package eu.somework.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The runnable jar's main class: {@code java -jar somework.jar <command>} runs an administrator
 * command ({@link #COMMANDS}), also when the command comes after its options
 * ({@code --url https://… rotate-keys}); every other argument list, including none, goes unchanged
 * to Payara Micro's own main class, so {@code java -jar somework.jar --port 8080} runs the tool as
 * before. The commands' own options without a command are refused with a usage line rather than
 * handed to Payara Micro, which would start a server.
 *
 * <p>This class lies at the root of the uber jar, beside Payara's boot classes, and uses the JDK
 * only. The commands and the JSON library they use (Parsson) lie under {@value #COMMANDS_FOLDER}
 * in the jar and load in a class loader of their own whose parent is the platform class loader:
 * Payara's runtime loads its own Jakarta JSON classes through the application class loader, which
 * must therefore never see a second copy.
 */
public final class Launcher {
  /** The first arguments that select an administrator command; anything else starts the tool. */
  public static final Set<String> COMMANDS = Set.of("list-platforms", "register", "rotate-keys", "help");
  /** Manifest attribute naming Payara Micro's main class; the build copies it from the uber jar. */
  public static final String PAYARA_MAIN_ATTRIBUTE = "SoMeWork-Payara-Main-Class";
  /** Folder of the uber jar that holds the commands and their libraries. */
  public static final String COMMANDS_FOLDER = "SOMEWORK-CLI/";
  // by name: at the jar's root the commands' classes are not visible to this class's loader
  private static final String COMMANDS_CLASS = "eu.somework.cli.AdminCommands";

  private Launcher() {}

  /**
   * Runs an administrator command and exits with its code, or hands the arguments to Payara Micro.
   *
   * @param args the command line, unchanged
   */
  public static void main(String[] args) throws Exception {
    java.util.Optional<String[]> command = adminCommand(args);
    if (command.isPresent()) {
      System.exit(runCommand(command.get()));
    }
    if (hasCommandOption(args)) {
      System.err.println(NO_COMMAND);
      System.exit(2);
    }
    startPayara(args);
  }

  /** What the launcher prints for a command's options without a command (exit code 2). */
  static final String NO_COMMAND = "--url and --file belong to an administrator command: java -jar somework.jar"
      + " <list-platforms | register --file <platform.json> | rotate-keys | help> [--url <base URL>]";

  /** Whether the arguments name an administrator command ({@link #adminCommand}). */
  public static boolean isAdminCommand(String[] args) {
    return adminCommand(args).isPresent();
  }

  /**
   * The administrator command line the arguments hold, the command first: the arguments unchanged
   * when their first one is one of {@link #COMMANDS}; else, when they hold a command's option
   * ({@code --url}, {@code --file}) and a command name (not as an option's value), the command moved
   * to the front. Empty for anything else, which starts the tool.
   *
   * @param args the command line, unchanged
   */
  public static java.util.Optional<String[]> adminCommand(String[] args) {
    if (args.length > 0 && COMMANDS.contains(args[0])) {
      return java.util.Optional.of(args);
    }
    if (!hasCommandOption(args)) {
      return java.util.Optional.empty();
    }
    for (int i = 1; i < args.length; i++) {
      boolean optionValue = args[i - 1].equals("--url") || args[i - 1].equals("--file");
      if (COMMANDS.contains(args[i]) && !optionValue) {
        java.util.List<String> reordered = new java.util.ArrayList<>(java.util.List.of(args));
        reordered.add(0, reordered.remove(i));
        return java.util.Optional.of(reordered.toArray(String[]::new));
      }
    }
    return java.util.Optional.empty();
  }

  /** Whether the arguments hold {@code --url} or {@code --file}, options of the commands that Payara Micro has not. */
  static boolean hasCommandOption(String[] args) {
    for (String arg : args) {
      if (arg.equals("--url") || arg.startsWith("--url=") || arg.equals("--file") || arg.startsWith("--file=")) {
        return true;
      }
    }
    return false;
  }

  private static int runCommand(String[] args) throws Exception {
    Path home = ownLocation();
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    // run from a classes folder (development, tests): the commands and their libraries are on the class path
    URLClassLoader isolated = home.toFile().isDirectory() ? null : new URLClassLoader(
        new URL[] {URI.create("jar:" + home.toUri() + "!/" + COMMANDS_FOLDER).toURL()},
        ClassLoader.getPlatformClassLoader());
    ClassLoader loader = isolated == null ? Launcher.class.getClassLoader() : isolated;
    try {
      Thread.currentThread().setContextClassLoader(loader);
      Method run = loader.loadClass(COMMANDS_CLASS)
          .getMethod("run", String[].class, Map.class, PrintStream.class, PrintStream.class);
      return (Integer) run.invoke(null, args, System.getenv(), System.out, System.err);
    } catch (InvocationTargetException e) {
      throw rethrow(e);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
      if (isolated != null) {
        isolated.close();
      }
    }
  }

  private static void startPayara(String[] args) throws Exception {
    String payaraMain = payaraMainClass(ownLocation());
    Method main = Class.forName(payaraMain).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw rethrow(e);
    }
    if (toolDidNotStart()) {
      System.err.println(DEPLOYMENT_FAILED);
      System.exit(1);
    }
  }

  /** What the launcher prints before it ends a server whose tool did not start. */
  static final String DEPLOYMENT_FAILED = "SoMe@Work did not start (the reason is logged above, in a SEVERE line"
      + " of eu.somework): exiting with status 1 rather than serving errors.";

  /**
   * System property the tool sets to {@code true} once its start-up is done (eu.somework.platform.Startup
   * names the same): Payara Micro lists an application whose start failed as deployed all the same.
   */
  static final String STARTED_PROPERTY = "eu.somework.started";

  /**
   * Whether Payara Micro booted but the tool did not start: its start was refused (configuration,
   * database unreachable, a failed migration). Payara Micro would otherwise stay up without it,
   * answering every request with an error while a process supervisor sees a running server; ending
   * the process lets the supervisor report the failure and an older version keep serving.
   * False when Payara Micro did not boot a server at all (e.g. {@code --version}).
   */
  private static boolean toolDidNotStart() {
    try {
      Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro");
      Object instance = micro.getMethod("getInstance").invoke(null);
      Object runtime = micro.getMethod("getRuntime").invoke(instance);
      return runtime != null && !Boolean.getBoolean(STARTED_PROPERTY);
    } catch (ReflectiveOperationException | RuntimeException notRunning) {
      return false; // no running server to ask (or another Payara Micro than the one built with)
    }
  }

  /**
   * Payara Micro's main class, as the build recorded it in the manifest of the jar at {@code jar}.
   *
   * @throws IllegalStateException when the jar has no such record (it was not built by this project's build)
   */
  static String payaraMainClass(Path jar) throws IOException {
    if (!jar.toFile().isFile()) {
      throw new IllegalStateException("Start the tool from the runnable jar (target/somework.jar), not from " + jar);
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String main = manifest == null ? null : manifest.getMainAttributes().getValue(PAYARA_MAIN_ATTRIBUTE);
      if (main == null || main.isBlank() || main.equals(Launcher.class.getName())) {
        throw new IllegalStateException(jar + " does not name Payara Micro's main class in its manifest ("
            + PAYARA_MAIN_ATTRIBUTE + "): build it again with mvn package");
      }
      return main.trim();
    }
  }

  private static Path ownLocation() throws Exception {
    return new File(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toPath();
  }

  private static Exception rethrow(InvocationTargetException e) {
    Throwable cause = e.getCause();
    if (cause instanceof Error error) {
      throw error;
    }
    return cause instanceof Exception exception ? exception : e;
  }
}
