package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar the build made (target/somework.jar), run as an administrator runs it: its own
 * main class runs the administrator commands from the classes bundled under SOMEWORK-CLI/, and hands
 * every other argument list to Payara Micro. No server is started here.
 */
class RunnableJarIT {
  static final Path JAR = Path.of(System.getProperty("it.war", "target/ROOT.war")).resolveSibling("somework.jar");

  record Run(int exitCode, String out, String err) {}

  @BeforeAll
  static void jarIsBuilt() {
    assertTrue(Files.isRegularFile(JAR), JAR + " is missing: the integration tests run after mvn package");
  }

  static Run java(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("SOMEWORK_ADMIN_TOKEN");
    builder.environment().remove("SOMEWORK_ADMIN_URL");
    builder.environment().putAll(env);
    Path out = Files.createTempFile("somework-jar", ".out");
    Path err = Files.createTempFile("somework-jar", ".err");
    try {
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("java -jar " + JAR + " " + String.join(" ", args) + " did not end in 120 s");
      }
      return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  void helpListsTheCommands() throws Exception {
    Run help = java(Map.of(), "help");
    assertEquals(0, help.exitCode(), help.err());
    assertTrue(help.out().contains("register --file <file>"), help.out());
    assertTrue(help.out().contains("SOMEWORK_ADMIN_TOKEN"), help.out());
  }

  @Test
  void aToolThatDoesNotRunIsReportedWithExitCode3() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Run run = java(Map.of("SOMEWORK_ADMIN_TOKEN", "jar-it-token-0123456789abcdef0123456789abcdef"),
        "list-platforms", "--url", "http://localhost:" + closedPort);
    assertEquals(3, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().startsWith("Cannot reach the tool at http://localhost:" + closedPort), run.err());
  }

  @Test
  void aTokenArgumentIsRefusedWithExitCode2() throws Exception {
    Run run = java(Map.of(), "rotate-keys", "--token=jar-it-token-0123456789abcdef");
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains("set the environment variable SOMEWORK_ADMIN_TOKEN instead"), run.err());
  }

  @Test
  void otherArgumentsGoToPayaraMicro() throws Exception {
    // Payara Micro's own option: it prints its version (and ends as Payara does, with code 1)
    Run version = java(Map.of(), "--version");
    assertTrue((version.out() + version.err()).contains("Payara Micro 6."), version.out() + version.err());
  }
}
