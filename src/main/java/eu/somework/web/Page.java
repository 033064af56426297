package eu.somework.web;

/**
 * The layout every HTML page shares: language and direction, landmarks (header, main), the
 * stylesheet, and a skip link for keyboard users. Content is passed in as already-escaped HTML.
 */
public final class Page {
  private Page() {}

  public static String render(UiLanguage language, String title, String headerHtml, String mainHtml) {
    Messages text = Messages.of(language);
    return """
        <!DOCTYPE html>
        <html lang="%s" dir="%s">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s — SoMe@Work</title>
        <link rel="stylesheet" href="/static/app.css">
        </head>
        <body>
        <a class="skip" href="#main">%s</a>
        <header class="top"><span class="brand">SoMe@Work</span>%s</header>
        <main id="main" tabindex="-1">
        %s
        </main>
        </body>
        </html>
        """.formatted(language.code(), language.dir(), Html.escape(title), Html.escape(text.get("page.skip")),
        headerHtml, mainHtml);
  }
}
