package eu.somework.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, line-aware access to one YAML mapping of a composed node tree. Every accessor that finds
 * a missing or mistyped value records a problem at the right line and returns empty, so that a
 * reader can go on and report every mistake in one pass. {@code where} names the mapping in
 * messages, e.g. {@code text.fi.reflection}.
 */
final class YamlMapping {
  private final MappingNode node;
  private final String where;
  private final ProblemList problems;
  private final Map<String, Node> entries = new LinkedHashMap<>();
  private final Map<String, Node> keyNodes = new LinkedHashMap<>();

  private YamlMapping(MappingNode node, String where, ProblemList problems) {
    this.node = node;
    this.where = where;
    this.problems = problems;
    for (NodeTuple tuple : node.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        problems.add(tuple.getKeyNode(), "keys in " + describe() + " must be plain names");
      } else if (entries.putIfAbsent(key.getValue(), tuple.getValueNode()) == null) {
        keyNodes.put(key.getValue(), key);
      } else {
        problems.add(key, "'" + key.getValue() + "' appears twice in " + describe());
      }
    }
  }

  /** The mapping at {@code node}, or empty (with a problem) if it is something else. */
  static Optional<YamlMapping> of(Node node, String where, ProblemList problems) {
    if (node instanceof MappingNode mapping) {
      return Optional.of(new YamlMapping(mapping, where, problems));
    }
    problems.add(node, (where.isEmpty() ? "the file" : "'" + where + "'") + " must be a mapping of names to values");
    return Optional.empty();
  }

  int line() {
    return node.getStartMark().getLine() + 1;
  }

  Set<String> keys() {
    return entries.keySet();
  }

  Optional<Node> node(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** The line of a key itself, where an author looks for it. */
  Node keyNode(String key) {
    return keyNodes.get(key);
  }

  Optional<Node> required(String key) {
    Node value = entries.get(key);
    if (value == null) {
      problems.add(node, "'" + path(key) + "' is missing");
    }
    return Optional.ofNullable(value);
  }

  Optional<String> string(String key) {
    return required(key).flatMap(value -> text(value, path(key)));
  }

  Optional<Integer> integer(String key, int min) {
    return required(key).flatMap(value -> integer(value, path(key), min));
  }

  Optional<YamlMapping> mapping(String key) {
    return required(key).flatMap(value -> of(value, path(key), problems));
  }

  Optional<List<Node>> list(String key) {
    return required(key).flatMap(value -> {
      if (value instanceof SequenceNode sequence && !sequence.getValue().isEmpty()) {
        return Optional.of(sequence.getValue());
      }
      problems.add(value, "'" + path(key) + "' must be a non-empty list");
      return Optional.empty();
    });
  }

  /** A non-empty list of non-empty texts; empty if the list or any item is wrong. */
  Optional<List<String>> strings(String key) {
    return list(key).flatMap(items -> {
      List<String> out = new ArrayList<>();
      for (Node item : items) {
        text(item, path(key) + " item").ifPresent(out::add);
      }
      return out.size() == items.size() ? Optional.of(out) : Optional.empty();
    });
  }

  /** Reports keys this mapping does not know, which are usually typing mistakes. */
  void rejectUnknown(Set<String> known) {
    for (NodeTuple tuple : node.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && !known.contains(key.getValue())) {
        problems.add(key, "unknown key '" + path(key.getValue()) + "' (expected " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
      }
    }
  }

  String path(String key) {
    return where.isEmpty() ? key : where + "." + key;
  }

  Optional<String> text(Node value, String what) {
    if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR) && !scalar.getValue().isBlank()) {
      return Optional.of(scalar.getValue().strip());
    }
    problems.add(value, "'" + what + "' must be a non-empty text");
    return Optional.empty();
  }

  Optional<Integer> integer(Node value, String what, int min) {
    if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
      try {
        int number = Integer.parseInt(scalar.getValue().replace("_", ""));
        if (number >= min) {
          return Optional.of(number);
        }
      } catch (NumberFormatException tooLargeOrOctal) {
        // reported below like any other wrong number
      }
    }
    problems.add(value, "'" + what + "' must be a whole number of at least " + min);
    return Optional.empty();
  }

  /** A YAML boolean ({@code true} or {@code false}); anything else is a problem. */
  Optional<Boolean> bool(Node value, String what) {
    // only true/false: YAML 1.1 also reads yes/no/on/off as booleans, which surprises authors
    if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)
        && Set.of("true", "false").contains(scalar.getValue().toLowerCase(java.util.Locale.ROOT))) {
      return Optional.of(Boolean.parseBoolean(scalar.getValue()));
    }
    problems.add(value, "'" + what + "' must be true or false");
    return Optional.empty();
  }

  ProblemList problems() {
    return problems;
  }

  private String describe() {
    return where.isEmpty() ? "the file" : "'" + where + "'";
  }
}
