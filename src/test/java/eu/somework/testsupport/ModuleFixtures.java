package eu.somework.testsupport;

import eu.somework.content.ContentCatalogue;
import eu.somework.web.UiLanguage;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The module as shipped and the test fixtures of broken content, for tests of any package. */
public final class ModuleFixtures {
  /** The shipped module ({@code module-content/}), loaded once. */
  public static final ContentCatalogue CATALOGUE = ContentCatalogue.from(Path.of("module-content"));

  /** Folders of valid and broken sample units ({@code src/test/resources/content-fixtures}). */
  public static final Path FIXTURES = Path.of("src/test/resources/content-fixtures");

  private ModuleFixtures() {}

  /** Every (unit id, interface language) pair of the shipped module. */
  public static Stream<Arguments> unitLanguagePairs() {
    return CATALOGUE.units().stream()
        .flatMap(unit -> UiLanguage.all().stream().map(language -> Arguments.of(unit.id(), language)));
  }
}
