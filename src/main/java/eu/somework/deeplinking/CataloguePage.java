package eu.somework.deeplinking;

import eu.somework.content.Unit;
import eu.somework.session.ToolSession;
import eu.somework.web.Html;
import eu.somework.web.Messages;
import eu.somework.web.Page;
import java.util.List;
import java.util.Optional;

/** The deep-linking catalogue: units to pick, each optionally graded. */
final class CataloguePage {
  private CataloguePage() {}

  static String render(Messages text, String token, ToolSession.DeepLinkingReturn dl, List<Unit> units,
      Optional<String> problem) {
    StringBuilder main = new StringBuilder("<h1>").append(Html.escape(text.get("dl.title"))).append("</h1>");
    problem.ifPresent(p -> main.append("<p class=\"problem\" role=\"alert\">").append(Html.escape(p)).append("</p>"));
    main.append("<form method=\"post\" action=\"/app/deep-linking\">")
        .append("<input type=\"hidden\" name=\"s\" value=\"").append(Html.escape(token)).append("\">");
    if (!dl.acceptsResourceLinks()) {
      main.append("<p>").append(Html.escape(text.get("dl.unsupported"))).append("</p>")
          .append("<button type=\"submit\" name=\"action\" value=\"error\">")
          .append(Html.escape(text.get("dl.return"))).append("</button></form>");
      return Page.render(text.language(), text.get("dl.title"), "", main.toString());
    }
    main.append("<p>").append(Html.escape(text.get(dl.acceptLineItem() ? "dl.intro" : "dl.introNoGrades")))
        .append("</p><fieldset><legend>").append(Html.escape(text.get("dl.units"))).append("</legend>");
    String input = dl.acceptMultiple() ? "checkbox" : "radio";
    for (Unit unit : units) {
      String id = Html.escape(unit.id());
      main.append("<div class=\"pick\"><input type=\"").append(input).append("\" name=\"unit\" value=\"").append(id)
          .append("\" id=\"pick-").append(id).append("\"> <label for=\"pick-").append(id).append("\">")
          .append(Html.escape(unit.title(text.language()))).append("</label> <span class=\"meta\">")
          .append(Html.escape(text.get("dl.unitFacts", unit.estimatedMinutes(), unit.maxPoints()))).append("</span>");
      if (dl.acceptLineItem()) {
        main.append("<div><input type=\"checkbox\" name=\"graded\" value=\"").append(id).append("\" id=\"graded-")
            .append(id).append("\" checked> <label for=\"graded-").append(id).append("\">")
            .append(Html.escape(text.get("dl.graded"))).append("</label></div>");
      }
      main.append("</div>");
    }
    main.append("</fieldset><p><button type=\"submit\" name=\"action\" value=\"add\">")
        .append(Html.escape(text.get("dl.add"))).append("</button> ")
        .append("<button type=\"submit\" class=\"secondary\" name=\"action\" value=\"all\">")
        .append(Html.escape(text.get("dl.addModule"))).append("</button> ")
        .append("<button type=\"submit\" class=\"secondary\" name=\"action\" value=\"cancel\">")
        .append(Html.escape(text.get("dl.cancel"))).append("</button></p></form>");
    return Page.render(text.language(), text.get("dl.title"), "", main.toString());
  }
}
