import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Build step (run by the exec-maven-plugin right after Payara Micro wrote the uber jar):
 * puts the administrator commands into target/somework.jar and makes eu.somework.cli.Launcher its
 * main class, recording Payara's own main class in the manifest for the launcher to hand over to.
 *
 * <p>Layout it writes: eu/somework/cli/Launcher*.class at the jar's root (JDK only, beside Payara's
 * boot classes); the commands and Jakarta JSON + Parsson under SOMEWORK-CLI/, which only the
 * launcher's own class loader reads, so Payara's runtime never meets a second JSON library.
 * The JDK's jar tool updates the jar in place and keeps Payara's stored (uncompressed) nested jars.
 *
 * <p>Arguments: the uber jar, the launcher's classes, the unpacked libraries, a staging folder.
 */
public class InstallLauncher {
  static final String LAUNCHER = "eu.somework.cli.Launcher";
  static final String PAYARA_MAIN = "SoMeWork-Payara-Main-Class";
  static final String FOLDER = "SOMEWORK-CLI";

  public static void main(String[] args) throws IOException {
    Path jar = Path.of(args[0]);
    Path classes = Path.of(args[1]);
    Path libraries = Path.of(args[2]);
    Path stage = Path.of(args[3]);

    String payaraMain;
    try (JarFile file = new JarFile(jar.toFile())) {
      Attributes main = file.getManifest().getMainAttributes();
      payaraMain = main.getValue(Attributes.Name.MAIN_CLASS);
      if (LAUNCHER.equals(payaraMain)) {
        // the jar has the launcher already (the step ran twice on one jar): keep the main class it recorded
        payaraMain = main.getValue(PAYARA_MAIN);
      }
    }
    if (payaraMain == null || payaraMain.isBlank() || LAUNCHER.equals(payaraMain)) {
      throw new IllegalStateException(jar + " names no Payara Micro main class in its manifest");
    }

    deleteTree(stage);
    copyTree(classes, stage.resolve(FOLDER));
    copyTree(libraries, stage.resolve(FOLDER));
    Path launcherPackage = classes.resolve("eu/somework/cli");
    try (Stream<Path> files = Files.list(launcherPackage)) {
      Path target = Files.createDirectories(stage.resolve("eu/somework/cli"));
      for (Path launcherClass : files.filter(f -> f.getFileName().toString().matches("Launcher(\\$.*)?\\.class")).toList()) {
        Files.copy(launcherClass, target.resolve(launcherClass.getFileName()));
      }
    }
    // written by hand: Manifest.write drops every attribute when there is no Manifest-Version, and with one
    // the jar tool warns that the uber jar's manifest now names it twice
    String line = PAYARA_MAIN + ": " + payaraMain;
    if (line.length() > 70) {
      throw new IllegalStateException("manifest line too long for one line: " + line);
    }
    Path manifest = stage.resolveSibling(stage.getFileName() + ".mf");
    Files.writeString(manifest, line + "\n");

    ToolProvider jarTool = ToolProvider.findFirst("jar").orElseThrow(() -> new IllegalStateException("no jar tool: run the build on a JDK"));
    PrintWriter out = new PrintWriter(System.out, true);
    int status = jarTool.run(out, out, "--update", "--file", jar.toString(), "--main-class", LAUNCHER,
        "--manifest", manifest.toString(), "-C", stage.toString(), ".");
    if (status != 0) {
      throw new IllegalStateException("jar --update failed with status " + status);
    }
    System.out.println("Administrator commands installed in " + jar + " (Payara Micro's main class: " + payaraMain + ")");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      throw new IllegalStateException("missing " + from + ": run the build from its start (mvn package)");
    }
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
