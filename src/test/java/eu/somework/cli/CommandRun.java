package eu.somework.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** One administrator command run in-process, with what it printed and its exit code. */
record CommandRun(int exitCode, String out, String err) {
  /** 07:00 UTC on the day of the stand-in's rotation instant: one hour before it. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T07:00:00Z"), ZoneOffset.UTC);

  static CommandRun of(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = AdminCommands.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK);
    return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Everything printed, out and err. */
  String printed() {
    return out + err;
  }
}
