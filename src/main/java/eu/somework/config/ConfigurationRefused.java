package eu.somework.config;

import java.util.List;

/**
 * The tool does not start because its configuration has problems. Each was logged on its own line
 * before this is thrown; the message repeats them for whoever sees only the exception.
 */
public final class ConfigurationRefused extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  ConfigurationRefused(List<String> problems) {
    super("SoMe@Work does not start: " + problems.size() + " configuration problem(s), each logged above: "
        + String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, one sentence each. */
  public List<String> problems() {
    return problems;
  }
}
