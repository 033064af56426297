package eu.somework.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one language's block under {@code text:} in unit.yaml: title, summary, outcomes, and the
 * reflection task with a name and one description per rubric level for every criterion. Under
 * {@link ContentRules#FULL} the task also needs a revision rule, and its prompt must state both
 * numbers of {@code reflection.words}.
 */
final class TextBlockReader {
  private static final Set<String> KEYS = Set.of("title", "summary", "learningOutcomes", "reflection");
  private static final Set<String> REFLECTION_KEYS = Set.of("prompt", "guidance", "criteria", "revisionRule");
  private static final Set<String> CRITERION_KEYS = Set.of("name", "levels");

  private TextBlockReader() {}

  /** The texts if the block is complete; otherwise empty with the problems added. */
  static Optional<UnitText> read(YamlMapping block, Optional<List<RubricScale>> scales, Optional<WordRange> words,
      ContentRules rules) {
    ProblemList problems = block.problems();
    int before = problems.count();
    block.rejectUnknown(KEYS);
    Optional<String> title = block.string("title");
    Optional<String> summary = block.string("summary");
    Optional<List<String>> outcomes = block.strings("learningOutcomes");
    Optional<ReflectionTask> task = block.mapping("reflection")
        .flatMap(reflection -> task(reflection, scales, words, rules));
    if (problems.count() > before || task.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new UnitText(title.orElseThrow(), summary.orElseThrow(), outcomes.orElseThrow(), task.get()));
  }

  private static Optional<ReflectionTask> task(YamlMapping reflection, Optional<List<RubricScale>> scales,
      Optional<WordRange> words, ContentRules rules) {
    ProblemList problems = reflection.problems();
    int before = problems.count();
    reflection.rejectUnknown(REFLECTION_KEYS);
    Optional<String> prompt = reflection.string("prompt");
    if (rules.isFull()) {
      prompt.ifPresent(text -> words.ifPresent(range -> statesRange(reflection, text, range)));
    }
    Optional<String> revisionRule = rules.isFull() || reflection.node("revisionRule").isPresent()
        ? reflection.string("revisionRule") : Optional.empty();
    Optional<List<String>> guidance = reflection.strings("guidance");
    List<RubricCriterion> criteria = new ArrayList<>();
    reflection.mapping("criteria").ifPresent(block -> scales.ifPresent(rubric -> {
      for (RubricScale scale : rubric) {
        block.mapping(scale.id()).flatMap(criterion -> criterion(criterion, scale)).ifPresent(criteria::add);
      }
      for (String key : block.keys()) {
        if (rubric.stream().noneMatch(scale -> scale.id().equals(key))) {
          problems.add(block.keyNode(key),
              "'" + block.path(key) + "' is not a criterion of reflection.rubric");
        }
      }
    }));
    if (problems.count() > before || scales.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ReflectionTask(prompt.orElseThrow(), guidance.orElseThrow(), criteria, words, revisionRule));
  }

  /** The prompt tells the learner how long to write: it states both numbers of the word range. */
  private static void statesRange(YamlMapping reflection, String prompt, WordRange range) {
    List<Integer> missing = WordRangeReader.missingFrom(range, prompt);
    if (!missing.isEmpty()) {
      reflection.problems().add(reflection.node("prompt").orElseThrow(), "'" + reflection.path("prompt")
          + "' must state the length from reflection.words, " + range.min() + " to " + range.max() + " words; "
          + String.join(" and ", missing.stream().map(String::valueOf).toList()) + (missing.size() == 1 ? " is" : " are")
          + " missing");
    }
  }

  private static Optional<RubricCriterion> criterion(YamlMapping criterion, RubricScale scale) {
    ProblemList problems = criterion.problems();
    int before = problems.count();
    criterion.rejectUnknown(CRITERION_KEYS);
    Optional<String> name = criterion.string("name");
    Optional<List<String>> descriptions = criterion.strings("levels");
    descriptions.filter(texts -> texts.size() != scale.points().size()).ifPresent(texts ->
        problems.add(criterion.node("levels").orElseThrow(), "'" + criterion.path("levels") + "' has " + texts.size()
            + " descriptions but rubric criterion '" + scale.id() + "' has " + scale.points().size() + " levels"));
    if (problems.count() > before) {
      return Optional.empty();
    }
    List<RubricLevel> levels = new ArrayList<>();
    for (int i = 0; i < scale.points().size(); i++) {
      levels.add(new RubricLevel(scale.points().get(i), descriptions.orElseThrow().get(i)));
    }
    return Optional.of(new RubricCriterion(scale.id(), name.orElseThrow(), levels));
  }
}
