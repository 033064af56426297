package eu.somework.cli;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The administrator commands of the runnable jar ({@code list-platforms}, {@code register --file},
 * {@code rotate-keys}, {@code help}), calling the tool's administrator API (ADMIN-API.md). What a
 * command did goes to {@code out}; why it stopped goes to {@code err} as one line.
 */
public final class AdminCommands {
  /** Largest platform file {@code register} reads: a platform file is a few hundred bytes. */
  static final long MAX_FILE_BYTES = 1024 * 1024;
  private static final JsonProvider JSON = JsonProvider.provider();

  private AdminCommands() {}

  /**
   * Runs one command.
   *
   * @param args the arguments, the command first
   * @param env the environment ({@code SOMEWORK_ADMIN_TOKEN}, {@code SOMEWORK_ADMIN_URL})
   * @param out where the command's result goes
   * @param err where the one-line reason of a failure goes
   * @return the exit code: 0 done, 1 the tool refused, 2 usage error, 3 tool unreachable
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    return run(args, env, out, err, Clock.systemUTC());
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
    try {
      CommandLine line = CommandLine.parse(args, env);
      if (line.command().equals("help")) {
        out.print(help());
        return CommandFailure.DONE;
      }
      String token = CommandLine.adminToken(env);
      String body = line.file() == null ? null : platformFile(line.file());
      AdminClient tool = new AdminClient(line.toolUrl(), token);
      switch (line.command()) {
        case "list-platforms" -> out.print(Reports.registrations(registrations(tool.get("registrations"))));
        case "register" -> {
          AdminClient.Answer answer = tool.post("registrations", body);
          out.print(Reports.registered(answer.body(), answer.status() == 201));
        }
        case "rotate-keys" -> out.print(Reports.rotation(tool.post("keys/rotation", "{}").body(), clock));
        default -> throw new IllegalStateException("no command " + line.command());
      }
      out.flush();
      return CommandFailure.DONE;
    } catch (CommandFailure failure) {
      err.println(failure.getMessage());
      err.flush();
      return failure.exitCode();
    }
  }

  /** The text of {@code help}: the commands, the options, the environment variables and the exit codes. */
  static String help() {
    return """
        SoMe@Work administrator commands, which call the tool's administrator API:

          java -jar somework.jar <command> [--url <tool base URL>]

        Commands:
          list-platforms           the platform registrations: name, issuer, client id, origin,
                                   enabled, deployment ids, and the launches of each deployment
          register --file <file>   create a registration from a platform file (the format of
                                   lti-config/platforms/*.json), or update the one with the same
                                   issuer and client id
          rotate-keys              publish the tool's next signing key now; it signs after the
                                   overlap (somework.keys.overlap-minutes) and the current key
                                   stays published until what it signed has expired
          help                     this text

        Option:
          --url <url>   the tool's base URL; plain http only to localhost
                        (default: SOMEWORK_ADMIN_URL, else http://localhost:8080)

        Environment:
          SOMEWORK_ADMIN_TOKEN   the administrator token (required; never an argument, since every
                                 user of the machine can read arguments). The tool is configured
                                 with its SHA-256 only: somework.admin.token-sha256, e.g.
                                 printf %s "$SOMEWORK_ADMIN_TOKEN" | sha256sum
                                 (a new token: openssl rand -hex 32)
          SOMEWORK_ADMIN_URL     the tool's base URL when --url is not given

        Exit codes: 0 done, 1 the tool refused (its reason is printed), 2 usage error,
        3 the tool cannot be reached.

        Any other arguments start the tool itself with Payara Micro's options, e.g.
          java -jar somework.jar --port 8080
        """;
  }

  private static List<JsonObject> registrations(AdminClient.Answer answer) throws CommandFailure {
    JsonValue list = answer.body().get("registrations");
    if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
      throw CommandFailure.refused("The tool's answer has no list of registrations: is --url the tool's base URL?");
    }
    List<JsonObject> registrations = new ArrayList<>();
    for (JsonValue registration : list.asJsonArray()) {
      if (registration.getValueType() == JsonValue.ValueType.OBJECT) {
        registrations.add(registration.asJsonObject());
      }
    }
    return registrations;
  }

  /** The platform file's text, once it is known to be a JSON object; else a usage failure saying what is wrong. */
  static String platformFile(Path file) throws CommandFailure {
    String name = Terminal.safe(file.toString());
    if (!Files.exists(file)) {
      throw CommandFailure.usage("No platform file " + name + " (looked for " + Terminal.safe(
          file.toAbsolutePath().normalize().toString()) + ")");
    }
    String text;
    try {
      if (!Files.isRegularFile(file)) {
        throw CommandFailure.usage(name + " is not a file");
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw CommandFailure.usage(name + " is larger than 1 MB: it is no platform file");
      }
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw CommandFailure.usage(name + " is not UTF-8 text: it is no platform file");
    } catch (IOException e) {
      throw CommandFailure.usage("Cannot read " + name + ": " + Terminal.safe(String.valueOf(e.getMessage())));
    }
    try (var reader = JSON.createReader(new StringReader(text))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw CommandFailure.usage(name + " holds a JSON " + value.getValueType().name().toLowerCase(java.util.Locale.ROOT)
            + ", not a platform object {\"name\": …, \"issuer\": …}");
      }
    } catch (JsonException e) {
      throw CommandFailure.usage(name + " is not JSON: " + Terminal.safe(e.getMessage()));
    }
    return text;
  }
}
