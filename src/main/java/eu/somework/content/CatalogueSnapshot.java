package eu.somework.content;

import eu.somework.web.UiLanguage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One load of the content folder: the valid units in module order, and the problems of those left
 * out — including a position in the module that two units both claim, which leaves out both
 * rather than guessing which one the author meant. A broken glossary is a problem of the folder:
 * it is logged, and the units are checked without it rather than all left out.
 */
record CatalogueSnapshot(List<Unit> units, Map<String, List<ContentProblem>> rejectedUnits,
    List<ContentProblem> folderProblems) {
  static final CatalogueSnapshot EMPTY = new CatalogueSnapshot(List.of(), Map.of(), List.of());

  /** Loads {@code folder} under {@code rules}: under FULL with the glossaries in its glossary/ folder. */
  static CatalogueSnapshot load(Path folder, ContentRules rules) {
    List<ContentProblem> glossaryProblems = new ArrayList<>();
    Map<UiLanguage, Glossary> glossaries = rules.isFull()
        ? GlossaryReader.readFolder(folder, glossaryProblems) : Map.of();
    CatalogueSnapshot units = load(folder, new UnitLoader(rules, glossaries));
    if (glossaryProblems.isEmpty()) {
      return units;
    }
    List<ContentProblem> folderProblems = new ArrayList<>(glossaryProblems);
    folderProblems.addAll(units.folderProblems());
    return new CatalogueSnapshot(units.units(), units.rejectedUnits(), List.copyOf(folderProblems));
  }

  static CatalogueSnapshot load(Path folder, UnitLoader loader) {
    String label = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
    List<Path> unitDirs;
    try (Stream<Path> children = Files.list(folder)) {
      unitDirs = children.filter(Files::isDirectory)
          .filter(dir -> !dir.getFileName().toString().startsWith("."))
          .filter(dir -> !dir.getFileName().toString().equals(GlossaryReader.FOLDER))
          .sorted(Comparator.comparing(dir -> dir.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      return new CatalogueSnapshot(List.of(), Map.of(),
          List.of(new ContentProblem(label, 0, "the content folder cannot be read (" + folder.toAbsolutePath() + ")")));
    }
    List<UnitLoader.Loaded> loaded = unitDirs.stream().map(loader::load).toList();
    Map<Integer, List<UnitLoader.Loaded>> byOrder = new HashMap<>();
    loaded.stream().filter(l -> l.unit().isPresent())
        .forEach(l -> byOrder.computeIfAbsent(l.unit().get().order(), k -> new ArrayList<>()).add(l));
    List<Unit> units = new ArrayList<>();
    Map<String, List<ContentProblem>> rejected = new LinkedHashMap<>();
    for (UnitLoader.Loaded one : loaded) {
      List<ContentProblem> problems = new ArrayList<>(one.problems());
      one.unit().ifPresent(unit -> byOrder.get(unit.order()).stream().filter(other -> other != one).forEach(other ->
          problems.add(new ContentProblem(one.folder() + "/unit.yaml", one.orderLine(),
              "order " + unit.order() + " is also used by unit '" + other.folder() + "'; each unit needs its own"))));
      if (problems.isEmpty()) {
        units.add(one.unit().orElseThrow());
      } else {
        rejected.put(one.folder(), List.copyOf(problems));
      }
    }
    units.sort(Comparator.comparingInt(Unit::order));
    return new CatalogueSnapshot(List.copyOf(units), rejected, List.of());
  }

  List<ContentProblem> problems() {
    List<ContentProblem> all = new ArrayList<>(folderProblems);
    rejectedUnits.values().forEach(all::addAll);
    return List.copyOf(all);
  }
}
