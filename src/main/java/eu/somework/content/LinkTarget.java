package eu.somework.content;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a link or image in a unit text may point: an https address, an anchor on the same page,
 * or a file of a servable type inside the unit's own folder. Anything else (javascript:, http:,
 * absolute paths, {@code ../}) is refused at validation, so the renderer never meets it.
 */
final class LinkTarget {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  /** The file types a unit may ship and the tool will serve, with their media types. */
  static final Map<String, String> FILE_TYPES = Map.of(
      "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif",
      "webp", "image/webp", "pdf", "application/pdf");

  private LinkTarget() {}

  /** What is wrong with a destination, if anything. */
  static Optional<String> problem(String destination, Path unitDir, boolean image) {
    String what = (image ? "image '" : "link '") + destination + "'";
    if (destination == null || destination.isBlank()) {
      return Optional.of((image ? "image" : "link") + " has no target");
    }
    if (destination.startsWith("#") && !image) {
      return Optional.empty();
    }
    if (SCHEME.matcher(destination).find() || destination.startsWith("//")) {
      return destination.regionMatches(true, 0, "https://", 0, 8) && !image
          ? Optional.empty()
          : Optional.of(what + (image
              ? " must be a file inside the unit folder"
              : " must use https:// or be a relative path to a file inside the unit folder"));
    }
    Optional<String> relative = relativePath(destination);
    if (relative.isEmpty() || relative.get().startsWith("/")) {
      return Optional.of(what + " must be a relative path inside the unit folder");
    }
    if (resolve(unitDir, relative.get()).isEmpty()) {
      return Optional.of(what + " does not name a file inside the unit folder");
    }
    return FILE_TYPES.containsKey(extension(relative.get()))
        ? Optional.empty()
        : Optional.of(what + " is not a file type the tool serves (" + String.join(", ",
            new java.util.TreeSet<>(FILE_TYPES.keySet())) + ")");
  }

  /** A relative destination as a path inside the unit folder: query and fragment dropped, %-escapes decoded. */
  static Optional<String> relativePath(String destination) {
    String path = destination.split("[?#]", 2)[0];
    try {
      path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      return Optional.empty();
    }
    return path.isEmpty() || path.contains("\\") || path.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(path);
  }

  /** The existing regular file a relative path names inside the unit folder, following no way out of it. */
  static Optional<Path> resolve(Path unitDir, String relativePath) {
    try {
      Path root = unitDir.toRealPath();
      Path candidate = root.resolve(relativePath).normalize();
      if (!candidate.startsWith(root) || !Files.isRegularFile(candidate)) {
        return Optional.empty();
      }
      Path real = candidate.toRealPath();
      return real.startsWith(root) ? Optional.of(real) : Optional.empty();
    } catch (IOException | java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }

  static boolean isUnitFile(String destination) {
    return !destination.isBlank() && !destination.startsWith("#") && !destination.startsWith("//")
        && !SCHEME.matcher(destination).find() && !destination.startsWith("/");
  }

  static String extension(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
