package eu.somework.cli;

/**
 * Why an administrator command stopped, as one line for the terminal, with the exit code of
 * ADMIN-API.md: {@link #REFUSED} 1 (the tool refused; its reason is the message), {@link #USAGE} 2,
 * {@link #UNREACHABLE} 3. The message never holds the administrator token.
 */
public final class CommandFailure extends Exception {
  /** Exit code of a command that did what was asked. */
  public static final int DONE = 0;
  /** Exit code when the tool answered but refused (or answered something that is not its API). */
  public static final int REFUSED = 1;
  /** Exit code of a command line, environment or input file that cannot be used. */
  public static final int USAGE = 2;
  /** Exit code when the tool cannot be reached at its URL. */
  public static final int UNREACHABLE = 3;

  private static final long serialVersionUID = 1L;
  private final int exitCode;

  private CommandFailure(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  /** The tool answered and refused; {@code message} says why (its {@code error} where it gave one). */
  public static CommandFailure refused(String message) {
    return new CommandFailure(REFUSED, message);
  }

  /** The command line, the environment or the input file cannot be used; {@code message} says how to fix it. */
  public static CommandFailure usage(String message) {
    return new CommandFailure(USAGE, message);
  }

  /** The tool did not answer; {@code message} names the URL tried. */
  public static CommandFailure unreachable(String message) {
    return new CommandFailure(UNREACHABLE, message);
  }

  /** The process exit code: 1, 2 or 3. */
  public int exitCode() {
    return exitCode;
  }
}
