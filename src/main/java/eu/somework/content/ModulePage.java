package eu.somework.content;

import eu.somework.session.ToolSession;
import eu.somework.web.Html;
import eu.somework.web.Messages;
import eu.somework.web.Page;
import eu.somework.web.UiLanguage;
import java.util.List;
import java.util.Map;

/**
 * The module overview a launch lands on: who you are in which course, then the units in order,
 * each with its summary, duration and — for a student — how far they are with it.
 */
final class ModulePage {
  private ModulePage() {}

  static String render(ToolSession session, UiLanguage language, AppLinks links, String path, List<Unit> units,
      Map<String, ProgressStatus> statuses) {
    Messages text = Messages.of(language);
    StringBuilder main = new StringBuilder();
    String name = session.displayName().orElse(text.get("user.unnamed"));
    main.append("<h1>").append(Html.escape(session.isAnonymous() ? "SoMe@Work" : text.get("home.welcome", name)))
        .append("</h1>");
    if (session.isAnonymous()) {
      main.append("<p>").append(Html.escape(text.get("home.anonymous"))).append("</p>");
    }
    main.append("<dl class=\"facts\">");
    fact(main, text.get("home.role"), text.get("role." + session.role().name()), "role");
    fact(main, text.get("home.course"), session.contextTitle().orElse(session.contextId()), "course");
    fact(main, text.get("home.link"), session.resourceLinkTitle().or(session::resourceLinkId).orElse("—"), "link");
    fact(main, text.get("home.platform"), session.issuer(), "platform");
    main.append("</dl>");
    if (session.role().canTeach()) {
      main.append("<p><a class=\"button secondary\" href=\"").append(links.href(AppLinks.PROGRESS)).append("\">")
          .append(Html.escape(text.get("progress.link"))).append("</a></p>");
    }
    if (session.role() == eu.somework.session.ToolRole.ADMINISTRATOR) {
      main.append("<p><a class=\"button secondary\" href=\"").append(links.href(AppLinks.SERVICES)).append("\">")
          .append(Html.escape(text.get("services.title"))).append("</a></p>");
    }
    main.append("<section aria-labelledby=\"units-heading\"><h2 id=\"units-heading\">")
        .append(Html.escape(text.get("module.units"))).append("</h2>");
    if (units.isEmpty()) {
      main.append("<p>").append(Html.escape(text.get("module.empty"))).append("</p>");
    } else {
      main.append("<ol class=\"units\">");
      boolean showStatus = LearnerProgress.tracks(session);
      for (Unit unit : units) {
        unitItem(main, unit, language, text, links,
            showStatus ? statuses.getOrDefault(unit.id(), ProgressStatus.NOT_STARTED) : null);
      }
      main.append("</ol>");
    }
    main.append("</section>");
    return Page.render(language, "SoMe@Work", LanguageSwitcher.html(language, links, path), main.toString());
  }

  private static void unitItem(StringBuilder out, Unit unit, UiLanguage language, Messages text, AppLinks links,
      ProgressStatus status) {
    UiLanguage served = unit.servedLanguage(language);
    out.append("<li");
    if (served != language) {
      out.append(" lang=\"").append(served.code()).append("\" dir=\"").append(served.dir()).append('"');
    }
    out.append("><h3><a href=\"").append(links.href(AppLinks.unit(unit.id()))).append("\">")
        .append(Html.escape(unit.title(language))).append("</a></h3>")
        .append("<p>").append(Html.escape(unit.summary(language))).append("</p>")
        .append("<p class=\"meta\" lang=\"").append(language.code()).append("\" dir=\"").append(language.dir())
        .append("\"><span>").append(Html.escape(text.get("module.duration", unit.estimatedMinutes()))).append("</span>");
    if (served != language) {
      out.append(" <span>").append(Html.escape(text.get("module.inEnglish"))).append("</span>");
    }
    if (status != null) {
      out.append(" ").append(statusBadge(text, status, "module.yourStatus"));
    }
    out.append("</p></li>");
  }

  static String statusBadge(Messages text, ProgressStatus status, String labelKey) {
    String label = text.get("status." + status.name());
    return "<span class=\"status status-" + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
        + "\" data-status=\"" + status.name() + "\">"
        + Html.escape(labelKey == null ? label : text.get(labelKey, label)) + "</span>";
  }

  private static void fact(StringBuilder out, String label, String value, String id) {
    out.append("<dt>").append(Html.escape(label)).append("</dt><dd data-fact=\"").append(id).append("\">")
        .append(Html.escape(value)).append("</dd>");
  }
}
