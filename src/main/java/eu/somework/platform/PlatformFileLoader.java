package eu.somework.platform;

import eu.somework.lti.PlatformRegistration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads every {@code *.json} registration file of a folder. A bad file is reported and skipped;
 * it never stops the others from loading.
 */
public final class PlatformFileLoader {

  /**
   * What a folder yielded: good registrations (with their file), one message per bad file, and
   * the names of every {@code *.json} file it holds, good or bad (a missing folder holds none;
   * empty when the folder exists but could not be listed, so nobody can tell which files are gone).
   */
  public record Result(List<Loaded> registrations, List<String> problems, Optional<Set<String>> files) {}

  /** A registration and the file it came from. */
  public record Loaded(String fileName, PlatformRegistration registration) {}

  public Result load(Path folder) {
    List<Loaded> loaded = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return new Result(loaded, problems, Optional.of(Set.of()));
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      problems.add(folder + ": cannot list the folder (" + e.getMessage() + ")");
      return new Result(loaded, problems, Optional.empty());
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      try {
        loaded.add(new Loaded(name, PlatformFile.parse(name, Files.readString(file, StandardCharsets.UTF_8))));
      } catch (PlatformFile.Invalid e) {
        problems.add(e.getMessage());
      } catch (IOException e) {
        problems.add(name + ": cannot be read (" + e.getMessage() + ")");
      }
    }
    Set<String> names = new LinkedHashSet<>();
    files.forEach(f -> names.add(f.getFileName().toString()));
    return new Result(loaded, problems, Optional.of(names));
  }
}
