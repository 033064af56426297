package eu.somework.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An administrator command line read and checked: the command, the tool's base URL, and the
 * platform file of {@code register}. The administrator token is not part of it: it comes from the
 * environment only ({@link #adminToken(Map)}), because every user of the machine can read a
 * process's arguments ({@code ps}).
 *
 * <p>The URL is {@code --url}, else {@value #URL_VARIABLE}, else {@value #DEFAULT_URL}; plain http
 * only to a loopback host, so the token never crosses a network unencrypted.
 */
public final class CommandLine {
  /** Environment variable holding the administrator token. */
  public static final String TOKEN_VARIABLE = "SOMEWORK_ADMIN_TOKEN";
  /** Environment variable holding the tool's base URL when {@code --url} is not given. */
  public static final String URL_VARIABLE = "SOMEWORK_ADMIN_URL";
  /** The tool's base URL when neither {@code --url} nor {@value #URL_VARIABLE} is given. */
  public static final String DEFAULT_URL = "http://localhost:8080";

  private static final String SEE_HELP = " (see: java -jar somework.jar help)";
  private static final String TOKEN_REFUSED = "the administrator token is never given as an argument, because"
      + " every user of this machine can read a command's arguments (ps): set the environment variable "
      + TOKEN_VARIABLE + " instead";
  // a long run of token characters without a path separator or dot: what a pasted token looks like
  private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_\\-+=~]{24,}");

  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  private final String command;
  private final URI toolUrl;
  private final Path file;

  private CommandLine(String command, URI toolUrl, Path file) {
    this.command = command;
    this.toolUrl = toolUrl;
    this.file = file;
  }

  /** The command: {@code list-platforms}, {@code register}, {@code rotate-keys} or {@code help}. */
  public String command() {
    return command;
  }

  /** The tool's base URL, without a trailing slash (for {@code help}: the one that would be used). */
  public URI toolUrl() {
    return toolUrl;
  }

  /** The platform file of {@code register}; null for the other commands. */
  public Path file() {
    return file;
  }

  /**
   * Reads a command line whose first argument is one of {@link Launcher#COMMANDS}.
   *
   * @param args the arguments, the command first
   * @param env the environment ({@value #URL_VARIABLE} and {@value #TOKEN_VARIABLE} are read)
   * @throws CommandFailure (exit code 2) naming the argument that cannot be used; a token-looking
   *     argument is refused with the reason, and never repeated
   */
  public static CommandLine parse(String[] args, Map<String, String> env) throws CommandFailure {
    if (args.length == 0 || !Launcher.COMMANDS.contains(args[0])) {
      throw CommandFailure.usage("Name a command: list-platforms, register --file <platform.json>, rotate-keys or help");
    }
    String command = args[0];
    String token = env.get(TOKEN_VARIABLE);
    String url = null;
    String file = null;
    for (int i = 1; i < args.length; i++) {
      boolean isToken = token != null && token.length() >= 8 && args[i].contains(token);
      if (isToken || !args[i].startsWith("-") && TOKEN_LIKE.matcher(args[i]).matches()) {
        throw CommandFailure.usage("Argument " + i + " looks like a token, so it is not shown: " + TOKEN_REFUSED);
      }
    }
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (name.toLowerCase(Locale.ROOT).contains("token")) {
        throw CommandFailure.usage(Terminal.safe(name) + ": " + TOKEN_REFUSED);
      }
      boolean takesFile = command.equals("register") && name.equals("--file");
      if (!name.equals("--url") && !takesFile) {
        throw CommandFailure.usage(unexpected(command, name) + SEE_HELP);
      }
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        value = "";
      }
      if (value.isBlank()) {
        throw CommandFailure.usage(name + " needs a value: " + (takesFile
            ? "the platform file, e.g. --file lti-config/platforms/moodle.json"
            : "the tool's base URL, e.g. --url https://somework.example.edu"));
      }
      if (takesFile ? file != null : url != null) {
        throw CommandFailure.usage(name + " is given twice" + SEE_HELP);
      }
      if (takesFile) {
        file = value;
      } else {
        url = value;
      }
    }
    if (command.equals("register") && file == null) {
      throw CommandFailure.usage("register needs --file <platform.json>: a platform file in the format of"
          + " lti-config/platforms/*.json");
    }
    boolean fromEnvironment = url == null && env.get(URL_VARIABLE) != null && !env.get(URL_VARIABLE).isBlank();
    String chosen = url != null ? url : fromEnvironment ? env.get(URL_VARIABLE).trim() : DEFAULT_URL;
    URI toolUrl = toolUrl(chosen, url != null ? "--url" : fromEnvironment ? URL_VARIABLE : "the default URL");
    return new CommandLine(command, toolUrl, file == null ? null : Path.of(file));
  }

  /**
   * The administrator token from {@value #TOKEN_VARIABLE}.
   *
   * @throws CommandFailure (exit code 2) when it is not set, or holds spaces or control characters
   *     (which no token has, and which an HTTP header cannot carry); the value is never repeated
   */
  public static String adminToken(Map<String, String> env) throws CommandFailure {
    String token = env.get(TOKEN_VARIABLE);
    if (token == null || token.isEmpty()) {
      throw CommandFailure.usage("Set the environment variable " + TOKEN_VARIABLE + " to the administrator token"
          + " (the tool knows its SHA-256 from somework.admin.token-sha256)");
    }
    if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
      throw CommandFailure.usage(TOKEN_VARIABLE + " holds spaces, control or non-ASCII characters, which no"
          + " administrator token has: set it to the token alone");
    }
    return token;
  }

  private static String unexpected(String command, String name) {
    if (!name.startsWith("-")) {
      return command + " takes no argument like that (it is not shown, in case it is a secret)";
    }
    String allowed = command.equals("register") ? "--file and --url" : command.equals("help") ? "none" : "--url";
    return "Unknown option " + Terminal.safe(name) + " for " + command + "; its options: " + allowed;
  }

  private static URI toolUrl(String text, String source) throws CommandFailure {
    URI uri;
    try {
      uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    } catch (URISyntaxException e) {
      throw CommandFailure.usage("The tool's URL from " + source + " is not a URL: " + Terminal.safe(text));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw CommandFailure.usage("The tool's URL from " + source + " must be an http(s) URL with a host, e.g."
          + " https://somework.example.edu; it is " + Terminal.safe(text));
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw CommandFailure.usage("The tool's URL from " + source + " must be its base URL only, without"
          + " user name, query or fragment");
    }
    if (scheme.equals("http") && !loopback(uri.getHost())) {
      throw CommandFailure.usage("Refusing to send the administrator token unencrypted to " + uri.getHost()
          + ": use the tool's https URL (plain http only to localhost)");
    }
    return uri;
  }

  private static boolean loopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.endsWith(".localhost") || IPV4_LOOPBACK.matcher(h).matches() || h.equals("[::1]");
  }
}
