package eu.somework.content;

import eu.somework.web.Html;
import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;

/**
 * The language menu in every page's header: a plain form, so it works with the keyboard and
 * without script. Each language is named in itself, marked with its own {@code lang}.
 */
final class LanguageSwitcher {
  private LanguageSwitcher() {}

  static String html(UiLanguage current, AppLinks links, String returnPath) {
    Messages text = Messages.of(current);
    StringBuilder form = new StringBuilder()
        .append("<form class=\"language\" method=\"post\" action=\"").append(AppLinks.LANGUAGE).append("\">")
        .append("<input type=\"hidden\" name=\"s\" value=\"").append(Html.escape(links.token())).append("\">")
        .append("<input type=\"hidden\" name=\"return\" value=\"").append(Html.escape(returnPath)).append("\">")
        .append("<label for=\"language-select\">").append(Html.escape(text.get("language.label"))).append("</label> ")
        .append("<select id=\"language-select\" name=\"lang\">");
    for (UiLanguage language : UiLanguage.all()) {
      form.append("<option value=\"").append(language.code()).append("\" lang=\"").append(language.code())
          .append("\" dir=\"").append(language.dir()).append('"')
          .append(language == current ? " selected" : "").append('>')
          .append(Html.escape(language.nativeName())).append("</option>");
    }
    return form.append("</select> <button type=\"submit\">").append(Html.escape(text.get("language.submit")))
        .append("</button></form>").toString();
  }
}
