package eu.somework.platform;

import eu.somework.lti.PlatformRegistration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads every {@code *.json} registration file of a folder. A bad file is reported and skipped;
 * it never stops the others from loading.
 */
public final class PlatformFileLoader {

  /** What a folder yielded: good registrations (with their file) and one message per bad file. */
  public record Result(List<Loaded> registrations, List<String> problems) {}

  /** A registration and the file it came from. */
  public record Loaded(String fileName, PlatformRegistration registration) {}

  public Result load(Path folder) {
    List<Loaded> loaded = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return new Result(loaded, problems);
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      problems.add(folder + ": cannot list the folder (" + e.getMessage() + ")");
      return new Result(loaded, problems);
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
    return new Result(loaded, problems);
  }
}
