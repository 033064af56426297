package eu.somework.reflection;

import eu.somework.content.Unit;
import eu.somework.web.Messages;
import eu.somework.web.Templates;
import eu.somework.web.UiLanguage;
import java.util.List;
import java.util.Map;

/**
 * The teacher's read-only view of a unit's reflections ({@code reflection/teacher.jte}): each
 * student who submitted, newest submission first, with the visibility they chose, the latest
 * version's text and the earlier versions folded away.
 */
final class TeacherPage {
  private TeacherPage() {}

  /** What the page shows. */
  record View(UiLanguage language, Messages text, String title, String unitUrl, String blogUrl,
      String gradingUrl, List<Author> authors) {}

  /** One student's reflection: {@code html} of each version is sanitised, written unescaped. */
  record Author(String name, String visibility, String state, Version latest, List<Version> earlier) {}

  /** A version's heading line and its sanitised HTML. */
  record Version(String heading, String versionId, String html) {}

  static String render(Unit unit, UiLanguage language, Links links, List<Reflections.AuthorVersions> submitted,
      Map<String, String> names) {
    Messages text = Messages.of(language);
    List<Author> authors = submitted.stream().map(a -> {
      List<Version> versions = a.versions().stream().map(v -> version(text, v)).toList();
      String state = a.status() == ReflectionStatus.DRAFT ? text.get("reflection.revisingNow") : "";
      return new Author(names.getOrDefault(a.userId(), text.get("reflection.unnamed")),
          text.get("reflection.visibility." + a.visibility().name()), state, versions.get(versions.size() - 1),
          newestFirst(versions.subList(0, versions.size() - 1)));
    }).toList();
    return Templates.render("reflection/teacher.jte", new View(language, text,
        text.get("reflection.teacherTitle", unit.title(language)), links.url(Links.unit(unit.id())),
        links.url(Links.BLOG), links.url(Links.grading(unit.id())), authors));
  }

  private static List<Version> newestFirst(List<Version> versions) {
    List<Version> reversed = new java.util.ArrayList<>(versions);
    java.util.Collections.reverse(reversed);
    return reversed;
  }

  private static Version version(Messages text, Reflections.VersionText v) {
    return new Version(text.get("reflection.version", v.version().number(), Times.format(v.version().submittedAt()),
        v.version().words()), v.version().versionId(), v.text().html());
  }
}
