package eu.somework.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a command line: the URL's sources and rules, the file of register, and every refusal (exit code 2). */
class CommandLineTest {
  static final String TOKEN = "a-real-looking-admin-token-0123456789abcdef";
  static final Map<String, String> NO_ENV = Map.of();

  static CommandFailure refused(Map<String, String> env, String... args) {
    CommandFailure failure = assertThrows(CommandFailure.class, () -> CommandLine.parse(args, env));
    assertEquals(2, failure.exitCode());
    return failure;
  }

  @Test
  void theUrlIsTheOptionElseTheVariableElseLocalhost() throws CommandFailure {
    Map<String, String> env = Map.of("SOMEWORK_ADMIN_URL", "https://from-env.example.edu/");
    assertEquals(URI.create("https://given.example.edu"),
        CommandLine.parse(new String[] {"list-platforms", "--url", "https://given.example.edu"}, env).toolUrl());
    assertEquals(URI.create("https://given.example.edu/tool"),
        CommandLine.parse(new String[] {"rotate-keys", "--url=https://given.example.edu/tool/"}, env).toolUrl());
    assertEquals(URI.create("https://from-env.example.edu"),
        CommandLine.parse(new String[] {"list-platforms"}, env).toolUrl());
    assertEquals(URI.create("http://localhost:8080"),
        CommandLine.parse(new String[] {"list-platforms"}, NO_ENV).toolUrl());
  }

  @Test
  void registerReadsItsFileAndNeedsOne() throws CommandFailure {
    CommandLine line = CommandLine.parse(new String[] {"register", "--file", "lti-config/platforms/moodle.json"}, NO_ENV);
    assertEquals("register", line.command());
    assertEquals(Path.of("lti-config/platforms/moodle.json"), line.file());
    assertNull(CommandLine.parse(new String[] {"list-platforms"}, NO_ENV).file());

    assertTrue(refused(NO_ENV, "register").getMessage().startsWith("register needs --file <platform.json>"));
    assertTrue(refused(NO_ENV, "register", "--file").getMessage().startsWith("--file needs a value: the platform file"));
    assertTrue(refused(NO_ENV, "register", "--file", "a.json", "--file", "b.json").getMessage()
        .startsWith("--file is given twice"));
  }

  @Test
  void otherCommandsTakeNoFile() {
    assertEquals("Unknown option --file for list-platforms; its options: --url (see: java -jar somework.jar help)",
        refused(NO_ENV, "list-platforms", "--file", "x.json").getMessage());
    assertEquals("Unknown option --verbose for help; its options: none (see: java -jar somework.jar help)",
        refused(NO_ENV, "help", "--verbose").getMessage());
  }

  @Test
  void anUnexpectedWordIsRefusedWithoutRepeatingIt() {
    String message = refused(NO_ENV, "list-platforms", "s3cr3t").getMessage();
    assertFalse(message.contains("s3cr3t"), message);
    assertTrue(message.startsWith("list-platforms takes no argument like that"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--token", "--token=" + TOKEN, "--admin-token", "--ADMIN_TOKEN=x"})
  void aTokenOptionIsRefusedAndSaysWhy(String option) {
    String message = refused(NO_ENV, "list-platforms", option, "x").getMessage();
    assertTrue(message.contains("the administrator token is never given as an argument, because every user of this"
        + " machine can read a command's arguments (ps): set the environment variable SOMEWORK_ADMIN_TOKEN instead"),
        message);
    assertFalse(message.contains(TOKEN), message);
  }

  @Test
  void aPastedTokenIsRefusedAndNotShown() {
    String message = refused(NO_ENV, "rotate-keys", TOKEN).getMessage();
    assertTrue(message.startsWith("Argument 1 looks like a token, so it is not shown: "), message);
    assertFalse(message.contains(TOKEN), message);
  }

  @Test
  void theTokenOfTheEnvironmentIsRefusedAnywhereInTheArguments() {
    Map<String, String> env = Map.of("SOMEWORK_ADMIN_TOKEN", "short.token/1");
    String message = refused(env, "list-platforms", "--url", "https://x.example.edu/short.token/1").getMessage();
    assertTrue(message.startsWith("Argument 2 looks like a token"), message);
    assertFalse(message.contains("short.token/1"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:8080", "http://[::1]:8080", "https://somework.example.edu"})
  void httpsEverywhereAndPlainHttpOnlyToLoopback(String url) throws CommandFailure {
    assertEquals(URI.create(url), CommandLine.parse(new String[] {"list-platforms", "--url", url}, NO_ENV).toolUrl());
  }

  @Test
  void plainHttpToAnotherHostIsRefusedBecauseTheTokenWouldTravelUnencrypted() {
    assertEquals("Refusing to send the administrator token unencrypted to somework.example.edu: use the tool's https"
        + " URL (plain http only to localhost)",
        refused(NO_ENV, "list-platforms", "--url", "http://somework.example.edu").getMessage());
    assertTrue(refused(NO_ENV, "list-platforms", "--url", "http://127.evil.example").getMessage()
        .startsWith("Refusing to send the administrator token unencrypted"));
  }

  @Test
  void aUrlThatIsNoBaseUrlIsRefusedNamingWhereItCameFrom() {
    assertTrue(refused(NO_ENV, "list-platforms", "--url", "somework.example.edu").getMessage()
        .startsWith("The tool's URL from --url must be an http(s) URL with a host"));
    assertTrue(refused(Map.of("SOMEWORK_ADMIN_URL", "ftp://x.example.edu"), "list-platforms").getMessage()
        .startsWith("The tool's URL from SOMEWORK_ADMIN_URL must be an http(s) URL with a host"));
    assertTrue(refused(NO_ENV, "list-platforms", "--url", "https://admin:pw@x.example.edu").getMessage()
        .endsWith("must be its base URL only, without user name, query or fragment"));
    assertTrue(refused(NO_ENV, "list-platforms", "--url").getMessage().startsWith("--url needs a value"));
  }

  @Test
  void theTokenComesFromTheEnvironmentAndMustLookLikeOne() throws CommandFailure {
    assertEquals(TOKEN, CommandLine.adminToken(Map.of("SOMEWORK_ADMIN_TOKEN", TOKEN)));
    CommandFailure missing = assertThrows(CommandFailure.class, () -> CommandLine.adminToken(NO_ENV));
    assertEquals(2, missing.exitCode());
    assertTrue(missing.getMessage().startsWith("Set the environment variable SOMEWORK_ADMIN_TOKEN"));
    CommandFailure withNewline = assertThrows(CommandFailure.class,
        () -> CommandLine.adminToken(Map.of("SOMEWORK_ADMIN_TOKEN", TOKEN + "\n")));
    assertEquals(2, withNewline.exitCode());
    assertFalse(withNewline.getMessage().contains(TOKEN));
  }

  @Test
  void onlyTheFourCommandsAreAdministratorCommands() {
    assertTrue(Launcher.isAdminCommand(new String[] {"list-platforms"}));
    assertTrue(Launcher.isAdminCommand(new String[] {"register", "--file", "x.json"}));
    assertTrue(Launcher.isAdminCommand(new String[] {"rotate-keys"}));
    assertTrue(Launcher.isAdminCommand(new String[] {"help"}));
    assertFalse(Launcher.isAdminCommand(new String[] {}), "no arguments: the tool starts");
    assertFalse(Launcher.isAdminCommand(new String[] {"--port", "8080"}));
    assertFalse(Launcher.isAdminCommand(new String[] {"--help"}), "Payara Micro's own help");
    assertFalse(Launcher.isAdminCommand(new String[] {"--port", "8080", "help"}), "no option of ours: Payara's");
  }

  @Test
  void aCommandAfterItsOptionsIsMovedToTheFront() {
    assertArrayEquals(new String[] {"rotate-keys", "--url", "http://localhost:18170"},
        Launcher.adminCommand(new String[] {"--url", "http://localhost:18170", "rotate-keys"}).orElseThrow());
    assertArrayEquals(new String[] {"register", "--file", "x.json", "--url=https://t.example.edu"},
        Launcher.adminCommand(new String[] {"--file", "x.json", "--url=https://t.example.edu", "register"})
            .orElseThrow());
    assertArrayEquals(new String[] {"list-platforms", "--url", "https://t.example.edu"},
        Launcher.adminCommand(new String[] {"list-platforms", "--url", "https://t.example.edu"}).orElseThrow(),
        "a command first stays as it is");
    assertTrue(Launcher.adminCommand(new String[] {"--url", "help"}).isEmpty(), "an option's value is no command");
    assertTrue(Launcher.adminCommand(new String[] {"--url", "http://localhost:18170"}).isEmpty());
    assertTrue(Launcher.hasCommandOption(new String[] {"--url", "http://localhost:18170"}),
        "options of ours without a command: the launcher says so instead of starting Payara Micro");
    assertFalse(Launcher.hasCommandOption(new String[] {"--port", "8080"}));
  }
}
