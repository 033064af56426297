package eu.somework.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Checks {@code reflection:} in unit.yaml: each rubric criterion has a stable id and levels that
 * ascend, and {@code maxPoints} is what a reflection at the top level of every criterion earns —
 * the score a graded activity will announce to the platform.
 */
final class RubricReader {
  // words is read by WordRangeReader
  private static final Set<String> KEYS = Set.of("maxPoints", "rubric", "words");
  private static final Set<String> CRITERION_KEYS = Set.of("id", "levels");

  Optional<List<RubricScale>> scales(YamlMapping reflection) {
    ProblemList problems = reflection.problems();
    int before = problems.count();
    reflection.rejectUnknown(KEYS);
    Optional<Integer> maxPoints = reflection.integer("maxPoints", 0);
    List<RubricScale> scales = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    reflection.list("rubric").ifPresent(items -> {
      for (Node item : items) {
        YamlMapping.of(item, "reflection.rubric item", problems).flatMap(criterion -> scale(criterion, ids))
            .ifPresent(scales::add);
      }
    });
    if (problems.count() > before) {
      return Optional.empty();
    }
    int sum = scales.stream().mapToInt(RubricScale::top).sum();
    if (maxPoints.orElseThrow() != sum) {
      problems.add(reflection.node("maxPoints").orElseThrow(), "reflection.maxPoints is " + maxPoints.get()
          + " but the top levels of the rubric criteria add up to " + sum);
      return Optional.empty();
    }
    return Optional.of(scales);
  }

  private static Optional<RubricScale> scale(YamlMapping criterion, Set<String> ids) {
    ProblemList problems = criterion.problems();
    int before = problems.count();
    criterion.rejectUnknown(CRITERION_KEYS);
    Optional<String> id = criterion.string("id");
    id.ifPresent(value -> {
      Node node = criterion.node("id").orElseThrow();
      if (!MetadataReader.isCriterionId(value)) {
        problems.add(node, "rubric criterion id '" + value + "' must be a short name of letters, digits, '-' or '_'");
      } else if (!ids.add(value)) {
        problems.add(node, "rubric criterion '" + value + "' is declared twice");
      }
    });
    String name = id.orElse("?");
    List<Integer> points = new ArrayList<>();
    criterion.list("levels").ifPresent(levels -> {
      for (Node level : levels) {
        criterion.integer(level, "rubric criterion '" + name + "' level", 0).ifPresent(points::add);
      }
      if (points.size() == levels.size()) {
        Node node = criterion.node("levels").orElseThrow();
        if (points.size() < 2) {
          problems.add(node, "rubric criterion '" + name + "' needs at least two levels");
        }
        for (int i = 1; i < points.size(); i++) {
          if (points.get(i) <= points.get(i - 1)) {
            problems.add(node, "rubric criterion '" + name + "' levels must ascend");
            break;
          }
        }
      }
    });
    return problems.count() > before ? Optional.empty() : Optional.of(new RubricScale(name, points));
  }
}
