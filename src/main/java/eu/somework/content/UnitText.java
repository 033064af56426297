package eu.somework.content;

import java.util.List;

/** What {@code unit.yaml} says about a unit in one language. */
public record UnitText(String title, String summary, List<String> learningOutcomes, ReflectionTask reflection) {
  public UnitText {
    learningOutcomes = List.copyOf(learningOutcomes);
  }
}
