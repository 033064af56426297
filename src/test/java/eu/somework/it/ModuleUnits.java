package eu.somework.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the tests expect to see listed: the units in module-content/ (one folder with unit.yaml each). */
final class ModuleUnits {
  private ModuleUnits() {}

  static long count() {
    try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("it.content.dir", "module-content")))) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("unit.yaml"))).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
