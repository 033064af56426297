package eu.somework.simulator;

import eu.somework.web.Html;
import java.util.List;

/** Pieces of the simulator page. */
final class SimulatorPageParts {
  private static final String[][] LANGUAGES = {
    {"", "The person's own language"}, {"en", "English"}, {"fi-FI", "Suomi (fi-FI)"}, {"lv-LV", "Latviešu (lv-LV)"},
    {"pl_PL", "Polski (pl_PL)"}, {"ar", "العربية (ar)"}};

  private SimulatorPageParts() {}

  static String launchForm(List<SimResourceLink> links) {
    StringBuilder out = new StringBuilder("<form method=\"post\" action=\"/simulator/launch\" class=\"sim-launch\">");
    out.append("<fieldset><legend>Who launches</legend>");
    boolean first = true;
    for (DemoCourse.Person p : DemoCourse.PEOPLE) {
      out.append("<div><input type=\"radio\" name=\"user\" id=\"u-").append(p.id()).append("\" value=\"")
          .append(p.id()).append("\"").append(first ? " checked" : "").append("><label for=\"u-").append(p.id())
          .append("\"> ").append(Html.escape(p.name())).append(" — ").append(p.kind().name().toLowerCase())
          .append(" (").append(Html.escape(p.locale())).append(")</label></div>");
      first = false;
    }
    out.append("</fieldset><p><label for=\"locale\">Language of the launch</label> <select id=\"locale\" name=\"locale\">");
    for (String[] l : LANGUAGES) {
      out.append("<option value=\"").append(Html.escape(l[0])).append("\">").append(Html.escape(l[1])).append("</option>");
    }
    out.append("</select></p><fieldset><legend>What to open</legend>");
    first = true;
    for (SimResourceLink link : links) {
      out.append("<div><input type=\"radio\" name=\"target\" id=\"t-").append(Html.escape(link.id()))
          .append("\" value=\"").append(Html.escape(link.id())).append("\"").append(first ? " checked" : "")
          .append("><label for=\"t-").append(Html.escape(link.id())).append("\"> ")
          .append(Html.escape(link.title())).append("</label></div>");
      first = false;
    }
    out.append("<div><input type=\"radio\" name=\"target\" id=\"t-dl\" value=\"")
        .append(SimulatorPageResource.DEEP_LINKING)
        .append("\"><label for=\"t-dl\"> Add content to the course (Deep Linking — teachers)</label></div>")
        .append("</fieldset><button type=\"submit\">Launch</button></form>");
    return out.toString();
  }

  static String courseState(List<SimResourceLink> links, List<SimLineItem> items, List<SimReceived> received) {
    StringBuilder out = new StringBuilder("<h2 id=\"activities\">Activities in the course</h2>"
        + "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"activities\"><table>")
        .append("<tr><th>Title</th><th>Custom parameters</th><th>Gradebook column</th></tr>");
    for (SimResourceLink link : links) {
      out.append("<tr><td>").append(Html.escape(link.title())).append("</td><td><code>")
          .append(Html.escape(link.customJson().orElse(""))).append("</code></td><td>")
          .append(Html.escape(link.lineItemId().flatMap(id -> items.stream().filter(i -> i.id().equals(id)).findFirst())
              .map(i -> i.label() + " (max " + format(i.scoreMaximum()) + ")").orElse("—")))
          .append("</td></tr>");
    }
    out.append("</table></div><h2>Received from the tool</h2>");
    if (received.isEmpty()) {
      out.append("<p>Nothing yet.</p>");
    } else {
      out.append("<ul class=\"received\">");
      received.forEach(r -> out.append("<li><strong>").append(Html.escape(r.kind())).append("</strong> ")
          .append(Html.escape(r.summary())).append(" <span class=\"meta\">").append(r.receivedAt()).append("</span></li>"));
      out.append("</ul>");
    }
    return out.toString();
  }

  static String platformFacts(SimulatedPlatform platform) {
    return "<h2>The simulator as a platform</h2><dl class=\"facts\">"
        + "<dt>Issuer</dt><dd>" + Html.escape(platform.issuer()) + "</dd>"
        + "<dt>Client id</dt><dd>" + SimulatedPlatform.CLIENT_ID + "</dd>"
        + "<dt>Deployment id</dt><dd>" + SimulatedPlatform.DEPLOYMENT_ID + "</dd>"
        + "<dt>Key set</dt><dd>" + Html.escape(platform.issuer() + "/jwks") + "</dd></dl>";
  }

  static String format(double points) {
    return points == Math.rint(points) ? String.valueOf((long) points) : String.valueOf(points);
  }
}
