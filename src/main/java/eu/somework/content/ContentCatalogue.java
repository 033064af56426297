package eu.somework.content;

import eu.somework.config.Settings;
import eu.somework.platform.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The module's units, read once at start-up from the content folder ({@code somework.content-dir}).
 * Only valid units are offered; a broken one is left out and its problems are logged, so one bad
 * file never stops the tool. Other features (e.g. Deep Linking) list and find units here. Tests
 * build a catalogue from any folder with {@link #from}.
 */
@ApplicationScoped
public class ContentCatalogue {
  /** Where unit files are served: {@code /content/<unit>/<file>} (the unit texts link them so). */
  public static final String FILES_PATH = UnitMarkdown.FILES_PATH;

  private static final Logger LOG = Logger.getLogger(ContentCatalogue.class.getName());

  @Inject Settings settings;
  private volatile CatalogueSnapshot snapshot = CatalogueSnapshot.EMPTY;
  private volatile java.nio.file.Path folder = java.nio.file.Path.of(".");

  /** A catalogue of the units under {@code folder}, without a container, checked by the rules in force. */
  public static ContentCatalogue from(java.nio.file.Path folder) {
    return from(folder, ContentRules.IN_FORCE);
  }

  /** A catalogue of the units under {@code folder} checked by {@code rules}; for tests of the checks. */
  public static ContentCatalogue from(java.nio.file.Path folder, ContentRules rules) {
    ContentCatalogue catalogue = new ContentCatalogue();
    catalogue.folder = folder;
    catalogue.snapshot = CatalogueSnapshot.load(folder, rules);
    return catalogue;
  }

  @PostConstruct
  void loadConfiguredFolder() {
    folder = settings.contentDir();
    snapshot = CatalogueSnapshot.load(folder, ContentRules.IN_FORCE);
    snapshot.rejectedUnits().forEach((unit, problems) -> {
      LOG.severe(() -> "Unit '" + unit + "' is not served: " + problems.size() + " problem(s) in its files");
      problems.forEach(problem -> LOG.severe(() -> "  " + problem));
    });
    snapshot.folderProblems().forEach(problem -> LOG.severe(() -> "Module content: " + problem));
    java.nio.file.Path loaded = folder;
    LOG.info(() -> "Module content: " + snapshot.units().size() + " unit(s) ready from " + loaded);
  }

  /** Observing the start-up event makes the container load the content then, not on first use. */
  void atStart(@Observes Startup.ToolStarted started) {
    LOG.fine(() -> "Module content serves " + snapshot.units().size() + " unit(s)");
  }

  /** The valid units, in module order. */
  public List<Unit> units() {
    return snapshot.units();
  }

  public Optional<Unit> find(String id) {
    return id == null ? Optional.empty() : snapshot.units().stream().filter(u -> u.id().equals(id)).findFirst();
  }

  /**
   * A file a served unit ships (an image, a PDF) by its path inside the unit folder; empty for
   * anything else, including the unit's own source files and paths that lead out of the folder.
   */
  public Optional<java.nio.file.Path> unitFile(String unitId, String relativePath) {
    if (find(unitId).isEmpty() || relativePath == null
        || !LinkTarget.FILE_TYPES.containsKey(LinkTarget.extension(relativePath))) {
      return Optional.empty();
    }
    return LinkTarget.resolve(folder.resolve(unitId), relativePath);
  }

  /** The media type a unit file of this name is served with; only for names {@link #unitFile} accepts. */
  public static String fileMediaType(String relativePath) {
    return LinkTarget.FILE_TYPES.get(LinkTarget.extension(relativePath));
  }

  /** Whether {@code id} has the shape of a unit id (a unit folder's name); says nothing of whether it is served. */
  public static boolean isUnitId(String id) {
    return id != null && UnitLoader.FOLDER_NAME.matcher(id).matches();
  }

  /** The regular expression of a unit id, for URL patterns. */
  public static String unitIdPattern() {
    return UnitLoader.FOLDER_NAME.pattern();
  }

  /** Every problem found, in the units left out. Empty when all content is valid. */
  public List<ContentProblem> problems() {
    return snapshot.problems();
  }
}
