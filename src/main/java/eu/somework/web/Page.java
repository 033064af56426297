package eu.somework.web;

import gg.jte.Content;
import java.util.Map;

/**
 * The layout every HTML page shares ({@code web/page.jte}), for pages still built in Java: their
 * header and main parts come in as already-escaped HTML.
 */
public final class Page {
  private Page() {}

  public static String render(UiLanguage language, String title, String headerHtml, String mainHtml) {
    Content header = output -> output.writeContent(headerHtml);
    Content main = output -> output.writeContent(mainHtml);
    return Templates.render("web/page.jte", Map.of("language", language, "title", title, "header", header, "main", main));
  }
}
