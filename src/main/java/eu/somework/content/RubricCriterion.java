package eu.somework.content;

import java.util.List;

/** A rubric criterion in one language; levels ascend by points, the last is the top level. */
public record RubricCriterion(String id, String name, List<RubricLevel> levels) {
  public RubricCriterion {
    levels = List.copyOf(levels);
  }

  public int maxPoints() {
    return levels.get(levels.size() - 1).points();
  }
}
