package eu.somework.content;

import eu.somework.web.UiLanguage;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and checks a unit's {@code unit.yaml} against the schema in module-content/README.md.
 * The file is composed into nodes, never into objects, so line numbers survive for the messages
 * and no YAML tag can instantiate anything.
 */
final class MetadataReader {
  private static final Set<String> TOP_KEYS =
      Set.of("id", "order", "estimatedMinutes", "languages", "reflection", "text");
  private static final Pattern CRITERION_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

  private final RubricReader rubric = new RubricReader();
  private final ContentRules rules;
  private final Map<UiLanguage, Glossary> glossaries;

  /** A reader with the rules in force and no glossaries. */
  MetadataReader() {
    this(ContentRules.IN_FORCE, Map.of());
  }

  /** A reader for {@code rules}; the texts of a language with a glossary are held to it. */
  MetadataReader(ContentRules rules, Map<UiLanguage, Glossary> glossaries) {
    this.rules = rules;
    this.glossaries = Map.copyOf(glossaries);
  }

  /**
   * The metadata if the file is valid; otherwise empty, with every problem found added. Glossary
   * findings in the texts are added too but leave the metadata usable, so that the Markdown files
   * are still checked in the same pass; the loader serves no unit with any problem.
   */
  Optional<UnitMetadata> read(String source, String folderName, ProblemList problems) {
    int before = problems.count();
    Optional<YamlMapping> top = compose(source, problems).flatMap(root -> YamlMapping.of(root, "", problems));
    if (top.isEmpty()) {
      return Optional.empty();
    }
    YamlMapping unit = top.get();
    unit.rejectUnknown(TOP_KEYS);
    Optional<String> id = unit.string("id");
    id.filter(value -> !value.equals(folderName)).ifPresent(value -> problems.add(unit.node("id").orElseThrow(),
        "id '" + value + "' must equal the folder name '" + folderName + "'"));
    Optional<Integer> order = unit.integer("order", 1);
    Optional<Integer> minutes = unit.integer("estimatedMinutes", 1);
    Optional<List<UiLanguage>> languages = languages(unit, problems);
    Optional<YamlMapping> reflection = unit.mapping("reflection");
    Optional<List<RubricScale>> scales = reflection.flatMap(rubric::scales);
    Optional<WordRange> words = reflection.flatMap(r -> WordRangeReader.read(r, rules.isFull()));
    Map<UiLanguage, UnitText> texts = new EnumMap<>(UiLanguage.class);
    List<Runnable> wording = new ArrayList<>();
    List<String> lines = source.lines().toList();
    unit.mapping("text").ifPresent(text -> languages.ifPresent(declared -> {
      for (UiLanguage language : declared) {
        text.mapping(language.code()).flatMap(block -> TextBlockReader.read(block, scales, words, rules))
            .ifPresent(read -> texts.put(language, read));
        Glossary glossary = glossaries.get(language);
        if (glossary != null && rules.isFull()) {
          text.node(language.code()).ifPresent(block ->
              wording.add(() -> GlossaryChecker.checkYaml(glossary, block, lines, problems)));
        }
      }
      for (String key : text.keys()) {
        if (declared.stream().noneMatch(l -> l.code().equals(key))) {
          problems.add(text.keyNode(key), "'text." + key + "' is not one of the declared languages");
        }
      }
    }));
    boolean usable = problems.count() == before;
    wording.forEach(Runnable::run);
    if (!usable) {
      return Optional.empty();
    }
    int maxPoints = scales.orElseThrow().stream().mapToInt(RubricScale::top).sum();
    int orderLine = unit.node("order").orElseThrow().getStartMark().getLine() + 1;
    return Optional.of(new UnitMetadata(id.orElseThrow(), order.orElseThrow(), orderLine, minutes.orElseThrow(),
        languages.orElseThrow(), maxPoints, texts));
  }

  /** The file's node tree, or empty with a problem at the line where the YAML goes wrong. */
  static Optional<Node> compose(String source, ProblemList problems) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(20);
    try {
      Node root = new Yaml(new SafeConstructor(options)).compose(new StringReader(source));
      if (root == null) {
        problems.addWholeFile("the file is empty");
      }
      return Optional.ofNullable(root);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add(mark == null ? 0 : mark.getLine() + 1, "not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      problems.addWholeFile("not valid YAML: " + e.getMessage());
    }
    return Optional.empty();
  }

  private static Optional<List<UiLanguage>> languages(YamlMapping unit, ProblemList problems) {
    Optional<List<Node>> items = unit.list("languages");
    if (items.isEmpty()) {
      return Optional.empty();
    }
    int before = problems.count();
    Set<UiLanguage> found = new LinkedHashSet<>();
    for (Node item : items.get()) {
      unit.text(item, "languages item").ifPresent(code -> {
        Optional<UiLanguage> language = UiLanguage.ofCode(code);
        if (language.isEmpty()) {
          problems.add(item, "language '" + code + "' is not one the tool offers (" + codes() + ")");
        } else if (!found.add(language.get())) {
          problems.add(item, "language '" + code + "' is listed twice");
        }
      });
    }
    if (problems.count() == before && !found.contains(UiLanguage.EN)) {
      problems.add(unit.node("languages").orElseThrow(),
          "'languages' must include 'en': English is shown when a learner's language is missing");
    }
    return problems.count() == before ? Optional.of(new ArrayList<>(found)) : Optional.empty();
  }

  private static String codes() {
    return String.join(", ", UiLanguage.all().stream().map(UiLanguage::code).toList());
  }

  static boolean isCriterionId(String id) {
    return CRITERION_ID.matcher(id).matches();
  }
}
