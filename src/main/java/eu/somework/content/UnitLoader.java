package eu.somework.content;

import eu.somework.web.UiLanguage;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.commonmark.node.Node;

/**
 * Loads one unit folder: checks {@code unit.yaml} and every declared language's text, and renders
 * the texts. Under {@link ContentRules#FULL} it also holds each language to its glossary and to
 * the English structure. A unit with any problem is not built at all, so half a unit is never
 * served. Immutable; needs no container: tests load any folder with it.
 */
final class UnitLoader {
  static final Pattern FOLDER_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final long MAX_FILE_BYTES = 1_000_000;

  private final UnitMarkdown markdown = new UnitMarkdown();
  private final ContentRules rules;
  private final Map<UiLanguage, Glossary> glossaries;
  private final MetadataReader metadata;

  /** A loader with the rules in force and no glossaries. */
  UnitLoader() {
    this(ContentRules.IN_FORCE, Map.of());
  }

  /** A loader for {@code rules}; glossaries count only under {@link ContentRules#FULL}. */
  UnitLoader(ContentRules rules, Map<UiLanguage, Glossary> glossaries) {
    this.rules = rules;
    this.glossaries = rules.isFull() ? Map.copyOf(glossaries) : Map.of();
    this.metadata = new MetadataReader(rules, this.glossaries);
  }

  /** A loaded folder: the unit if it is valid, else every problem found; the line of its order. */
  record Loaded(String folder, Optional<Unit> unit, List<ContentProblem> problems, int orderLine) {}

  Loaded load(Path unitDir) {
    String folder = unitDir.getFileName().toString();
    List<ContentProblem> sink = ProblemList.newSink();
    ProblemList yamlProblems = new ProblemList(folder + "/unit.yaml", sink);
    if (!FOLDER_NAME.matcher(folder).matches()) {
      new ProblemList(folder, sink).addWholeFile(
          "a unit folder name must be a short id of lower-case letters, digits and '-'");
      return new Loaded(folder, Optional.empty(), sink, 0);
    }
    Optional<UnitMetadata> read = readText(unitDir.resolve("unit.yaml"), yamlProblems, "")
        .flatMap(source -> metadata.read(source, folder, yamlProblems));
    if (read.isEmpty()) {
      return new Loaded(folder, Optional.empty(), sink, 0);
    }
    UnitMetadata meta = read.get();
    Map<UiLanguage, String> html = new EnumMap<>(UiLanguage.class);
    Map<UiLanguage, TextStructure> structures = new EnumMap<>(UiLanguage.class);
    for (UiLanguage language : meta.languages()) {
      ProblemList problems = yamlProblems.forFile(folder + "/" + language.code() + ".md");
      readText(unitDir.resolve(language.code() + ".md"), problems,
          " (unit.yaml declares the language '" + language.code() + "')").ifPresent(source -> {
            int before = problems.count();
            Node document = markdown.parse(source);
            MarkdownChecker.check(source, document, meta.texts().get(language).title(), unitDir, problems);
            Optional<TextStructure> structure = problems.count() == before
                ? Optional.of(TextStructure.of(document)) : Optional.empty();
            structure.ifPresent(s -> {
              structures.put(language, s);
              html.put(language, markdown.renderBody(document, meta.id()));
            });
            Optional.ofNullable(glossaries.get(language))
                .ifPresent(glossary -> GlossaryChecker.checkMarkdown(glossary, source, structure, problems));
          });
    }
    if (rules.isFull()) {
      StructureChecker.check(folder, meta.languages(), structures, glossaries, yamlProblems);
    }
    if (!sink.isEmpty()) {
      return new Loaded(folder, Optional.empty(), sink, meta.orderLine());
    }
    Unit unit = new Unit(meta.id(), meta.order(), meta.estimatedMinutes(), meta.maxPoints(), meta.languages(),
        meta.texts(), html);
    return new Loaded(folder, Optional.of(unit), sink, meta.orderLine());
  }

  /** A content file as text, or empty with a problem if it is missing, too large or not UTF-8. */
  static Optional<String> readText(Path file, ProblemList problems, String why) {
    try {
      if (!Files.isRegularFile(file)) {
        problems.addWholeFile("the file is missing" + why);
        return Optional.empty();
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        problems.addWholeFile("the file is larger than " + MAX_FILE_BYTES + " bytes");
        return Optional.empty();
      }
      String text = Files.readString(file);
      return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      problems.addWholeFile("the file is not valid UTF-8");
    } catch (IOException e) {
      problems.addWholeFile("the file cannot be read: " + e.getMessage());
    }
    return Optional.empty();
  }
}
