package eu.somework.content;

import eu.somework.web.UiLanguage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the glossaries in {@code module-content/glossary/}, one {@code <lang>.yaml} per language,
 * and checks each against the format in module-content/README.md. A language without a file has
 * no glossary; other files in the folder (a README) are left alone.
 */
final class GlossaryReader {
  /** The folder inside the content folder that holds the glossaries; no unit may have this name. */
  static final String FOLDER = "glossary";

  private static final Set<String> KEYS = Set.of("language", "register", "headings", "terms", "matchInsideWords");
  private static final Set<String> HEADING_KEYS = Set.of("selfCheck", "casePrefix");
  private static final Set<String> TERM_KEYS = Set.of("concept", "use", "avoid");

  private GlossaryReader() {}

  /** The valid glossaries under {@code contentFolder/glossary}; the problems of the others go to {@code sink}. */
  static Map<UiLanguage, Glossary> readFolder(Path contentFolder, List<ContentProblem> sink) {
    Map<UiLanguage, Glossary> glossaries = new EnumMap<>(UiLanguage.class);
    Path folder = contentFolder.resolve(FOLDER);
    if (!Files.isDirectory(folder)) {
      return glossaries;
    }
    List<Path> files;
    try (Stream<Path> children = Files.list(folder)) {
      files = children.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      sink.add(new ContentProblem(FOLDER, 0, "the glossary folder cannot be read"));
      return glossaries;
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      ProblemList problems = new ProblemList(FOLDER + "/" + name, sink);
      UnitLoader.readText(file, problems, "")
          .flatMap(source -> read(source, name.substring(0, name.length() - ".yaml".length()), problems))
          .ifPresent(glossary -> glossaries.put(glossary.language(), glossary));
    }
    return glossaries;
  }

  /** The glossary in {@code source}, read from {@code <fileLanguage>.yaml}, if it is valid; else empty with its problems. */
  static Optional<Glossary> read(String source, String fileLanguage, ProblemList problems) {
    Optional<UiLanguage> named = UiLanguage.ofCode(fileLanguage);
    if (named.isEmpty()) {
      problems.addWholeFile("a glossary is named after a language the tool offers ("
          + String.join(", ", UiLanguage.all().stream().map(UiLanguage::code).toList()) + "), as <lang>.yaml");
      return Optional.empty();
    }
    int before = problems.count();
    Optional<YamlMapping> top = MetadataReader.compose(source, problems)
        .flatMap(root -> YamlMapping.of(root, "", problems));
    if (top.isEmpty()) {
      return Optional.empty();
    }
    YamlMapping glossary = top.get();
    glossary.rejectUnknown(KEYS);
    glossary.string("language").filter(code -> !code.equals(fileLanguage)).ifPresent(code -> problems.add(
        glossary.node("language").orElseThrow(), "'language' is '" + code + "' but the file is " + fileLanguage + ".yaml"));
    glossary.node("register").ifPresent(value -> glossary.text(value, "register"));
    boolean inside = glossary.node("matchInsideWords").flatMap(value -> glossary.bool(value, "matchInsideWords"))
        .orElse(false);
    Optional<YamlMapping> headings = glossary.mapping("headings");
    headings.ifPresent(h -> h.rejectUnknown(HEADING_KEYS));
    Optional<String> selfCheck = headings.flatMap(h -> h.string("selfCheck"));
    Optional<String> casePrefix = headings.flatMap(h -> h.string("casePrefix"));
    List<Glossary.Term> terms = new ArrayList<>();
    if (glossary.node("terms").isPresent()) {
      Set<String> concepts = new HashSet<>();
      glossary.list("terms").ifPresent(items -> {
        for (Node item : items) {
          YamlMapping.of(item, "terms item", problems).flatMap(term -> term(term, concepts)).ifPresent(terms::add);
        }
      });
    }
    if (problems.count() > before) {
      return Optional.empty();
    }
    return Optional.of(new Glossary(named.get(), selfCheck.orElseThrow(), casePrefix.orElseThrow(), inside, terms));
  }

  private static Optional<Glossary.Term> term(YamlMapping term, Set<String> concepts) {
    ProblemList problems = term.problems();
    int before = problems.count();
    term.rejectUnknown(TERM_KEYS);
    Optional<String> concept = term.string("concept");
    concept.filter(c -> !concepts.add(c)).ifPresent(c ->
        problems.add(term.node("concept").orElseThrow(), "the concept '" + c + "' has more than one entry"));
    Optional<String> use = term.string("use");
    List<String> avoid = new ArrayList<>();
    if (term.node("avoid").isPresent()) {
      term.strings("avoid").ifPresent(avoid::addAll);
    }
    use.ifPresent(rendering -> {
      for (String stem : avoid) {
        if (Glossary.lower(Glossary.normalize(rendering)).contains(Glossary.lower(Glossary.normalize(stem)))) {
          problems.add(term.node("avoid").orElseThrow(), "avoid '" + stem + "' is part of its own use '" + rendering
              + "', so the right rendering would be reported too");
        }
      }
    });
    return problems.count() > before ? Optional.empty()
        : Optional.of(new Glossary.Term(concept.orElseThrow(), use.orElseThrow(), avoid));
  }
}
