package eu.somework.bench;

import java.util.HashMap;
import java.util.Map;

/** A driver's command line: {@code --name value} pairs, as the bench profile's executions pass them. */
final class DriverArgs {
  private final Map<String, String> values;

  private DriverArgs(Map<String, String> values) {
    this.values = values;
  }

  static DriverArgs parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      values.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return new DriverArgs(values);
  }

  /** @throws IllegalArgumentException when {@code --name} was not given */
  String required(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  String text(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    return Integer.parseInt(values.getOrDefault(name, Integer.toString(fallback)));
  }
}
