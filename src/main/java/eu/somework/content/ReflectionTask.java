package eu.somework.content;

import java.util.List;
import java.util.Optional;

/**
 * The blog reflection a unit asks for, in one language: the task, what a good answer holds, the
 * rubric, how long the reflection should be ({@code reflection.words}, the same in every language)
 * and the rule for revising it after feedback. The word range and the revision rule are empty only
 * while {@link ContentRules#CORE} is in force and the unit does not have them yet.
 */
public record ReflectionTask(String prompt, List<String> guidance, List<RubricCriterion> criteria,
    Optional<WordRange> words, Optional<String> revisionRule) {
  public ReflectionTask {
    guidance = List.copyOf(guidance);
    criteria = List.copyOf(criteria);
  }

  /** A task without a word range or revision rule, as units were before issue 8. */
  public ReflectionTask(String prompt, List<String> guidance, List<RubricCriterion> criteria) {
    this(prompt, guidance, criteria, Optional.empty(), Optional.empty());
  }

  public int maxPoints() {
    return criteria.stream().mapToInt(RubricCriterion::maxPoints).sum();
  }
}
