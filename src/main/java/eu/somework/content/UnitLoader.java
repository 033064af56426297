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
 * the texts. A unit with any problem is not built at all, so half a unit is never served.
 * Needs no container: tests load any folder with it.
 */
final class UnitLoader {
  static final Pattern FOLDER_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final long MAX_FILE_BYTES = 1_000_000;

  private final MetadataReader metadata = new MetadataReader();
  private final UnitMarkdown markdown = new UnitMarkdown();

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
    for (UiLanguage language : meta.languages()) {
      ProblemList problems = yamlProblems.forFile(folder + "/" + language.code() + ".md");
      readText(unitDir.resolve(language.code() + ".md"), problems,
          " (unit.yaml declares the language '" + language.code() + "')").ifPresent(source -> {
            int before = problems.count();
            Node document = markdown.parse(source);
            MarkdownChecker.check(source, document, meta.texts().get(language).title(), unitDir, problems);
            if (problems.count() == before) {
              html.put(language, markdown.renderBody(document, meta.id()));
            }
          });
    }
    if (!sink.isEmpty()) {
      return new Loaded(folder, Optional.empty(), sink, meta.orderLine());
    }
    Unit unit = new Unit(meta.id(), meta.order(), meta.estimatedMinutes(), meta.maxPoints(), meta.languages(),
        meta.texts(), html);
    return new Loaded(folder, Optional.of(unit), sink, meta.orderLine());
  }

  private static Optional<String> readText(Path file, ProblemList problems, String why) {
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
