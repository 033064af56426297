package eu.somework.content;

import java.util.List;

/** The blog reflection a unit asks for, in one language: the task, what a good answer holds, the rubric. */
public record ReflectionTask(String prompt, List<String> guidance, List<RubricCriterion> criteria) {
  public ReflectionTask {
    guidance = List.copyOf(guidance);
    criteria = List.copyOf(criteria);
  }

  public int maxPoints() {
    return criteria.stream().mapToInt(RubricCriterion::maxPoints).sum();
  }
}
