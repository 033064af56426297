package eu.somework.reflection;

import eu.somework.content.ContentCatalogue;
import eu.somework.web.Messages;
import eu.somework.web.Templates;
import eu.somework.web.UiLanguage;
import java.util.List;
import java.util.Map;

/**
 * The course blog ({@code reflection/blog.jte}): shared reflections, newest first, each with its
 * comments (plain text, escaped), a remove button where the viewer may remove one, and a comment
 * form.
 */
final class BlogPage {
  private BlogPage() {}

  /** What the page shows; {@code notice} is null or a message about the last action. */
  record View(UiLanguage language, Messages text, String token, String overviewUrl, String notice,
      List<Post> posts) {}

  /** A reflection in the blog; {@code html} is sanitised and written unescaped. */
  record Post(String anchor, String heading, String meta, String html, String commentAction,
      List<Remark> comments) {}

  /** A comment; {@code removeAction} is null when the viewer may not remove it. */
  record Remark(String author, String when, String text, String removeAction) {}

  static String render(UiLanguage language, Links links, List<CourseBlog.Entry> entries, Map<String, String> names,
      ContentCatalogue catalogue, String notice) {
    Messages text = Messages.of(language);
    List<Post> posts = entries.stream().map(e -> {
      String author = e.yours() ? text.get("blog.you") : names.getOrDefault(e.authorUserId(), text.get("blog.classmate"));
      String unit = catalogue.find(e.unitId()).map(u -> u.title(language)).orElse(e.unitId());
      List<Remark> remarks = e.comments().stream().map(c -> new Remark(
          c.byTeacher() ? text.get("blog.teacher") : names.getOrDefault(c.authorUserId(), text.get("blog.classmate")),
          Times.format(c.createdAt()), c.text(), c.removable() ? Links.removeComment(c.id()) : null)).toList();
      Reflections.SubmittedVersion v = e.latest().version();
      return new Post("r-" + e.reflectionId(), text.get("blog.by", author, unit),
          text.get("reflection.version", v.number(), Times.format(v.submittedAt()), v.words()),
          e.latest().text().html(), Links.comments(e.reflectionId()), remarks);
    }).toList();
    return Templates.render("reflection/blog.jte", new View(language, text, links.token(), links.url("/app/overview"),
        notice, posts));
  }
}
