package eu.somework.web;

import java.util.Map;

/**
 * A page that posts a form to another site at once, as LTI messages travel through the browser
 * (login initiation, id_token, deep-linking response). A button remains for browsers without
 * scripts.
 */
public final class AutoPost {
  private AutoPost() {}

  public static String page(String action, Map<String, String> fields, String buttonText) {
    StringBuilder form = new StringBuilder("<form method=\"post\" data-autosubmit action=\"")
        .append(Html.escape(action)).append("\">");
    fields.forEach((name, value) -> form.append("<input type=\"hidden\" name=\"").append(Html.escape(name))
        .append("\" value=\"").append(Html.escape(value)).append("\">"));
    form.append("<button type=\"submit\">").append(Html.escape(buttonText)).append("</button></form>");
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>%s</title>
        <link rel="stylesheet" href="/static/app.css"></head>
        <body><main id="main">%s</main><script src="/static/autosubmit.js"></script></body></html>
        """.formatted(Html.escape(buttonText), form);
  }
}
