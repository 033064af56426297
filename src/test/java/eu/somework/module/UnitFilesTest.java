package eu.somework.module;

import eu.somework.content.ContentCatalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public unit-file endpoint serves only files of the allowed types inside a served unit's
 * folder: no way out of it, whatever the path looks like.
 */
class UnitFilesTest {
  @TempDir static Path root;
  private static ContentCatalogue catalogue;

  @BeforeAll
  static void contentWithFilesAroundIt() throws IOException {
    Path content = root.resolve("module-content");
    copy(Path.of("module-content/data-protection"), content.resolve("data-protection"));
    Files.createDirectories(content.resolve("data-protection/images"));
    Files.write(content.resolve("data-protection/images/flow.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Files.writeString(content.resolve("data-protection/notes.txt"), "not a served type");
    Files.write(root.resolve("secret.png"), new byte[] {1, 2, 3});
    Files.write(content.resolve("secret.png"), new byte[] {1, 2, 3});
    Files.createSymbolicLink(content.resolve("data-protection/images/escape.png"), root.resolve("secret.png"));
    catalogue = ContentCatalogue.from(content);
  }

  @Test
  void aFileOfAnAllowedTypeInsideTheUnitIsServed() {
    Optional<Path> found = catalogue.unitFile("data-protection", "images/flow.png");
    assertTrue(found.isPresent());
    assertTrue(found.get().endsWith(Path.of("data-protection", "images", "flow.png")));
  }

  @Test
  void nothingOutsideTheUnitFolderIsServed() {
    for (String path : new String[] {"../secret.png", "images/../../secret.png", "../../secret.png",
        "/etc/passwd.png", "images/escape.png", "..\\secret.png"}) {
      assertEquals(Optional.empty(), catalogue.unitFile("data-protection", path), path);
    }
  }

  @Test
  void theUnitsOwnTextsAndOtherTypesAreNotServed() {
    for (String path : new String[] {"en.md", "unit.yaml", "notes.txt", "images", "images/"}) {
      assertEquals(Optional.empty(), catalogue.unitFile("data-protection", path), path);
    }
  }

  @Test
  void anUnknownOrMalformedUnitServesNothing() {
    assertEquals(Optional.empty(), catalogue.unitFile("no-such-unit", "images/flow.png"));
    assertEquals(Optional.empty(), catalogue.unitFile("..", "module-content/secret.png"));
    assertEquals(Optional.empty(), catalogue.unitFile(null, "images/flow.png"));
    assertEquals(Optional.empty(), catalogue.unitFile("data-protection", null));
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
