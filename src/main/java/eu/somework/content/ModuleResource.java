package eu.somework.content;

import eu.somework.launch.SessionResolver;
import eu.somework.launch.ToolSession;
import eu.somework.web.Html;
import eu.somework.web.Messages;
import eu.somework.web.Page;
import eu.somework.web.UiLanguage;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/** Where a launch lands: who you are, your role, the course and the activity. */
@Path("/app")
public class ModuleResource {
  @Inject SessionResolver sessions;

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public String home(@QueryParam("s") String token, @Context HttpHeaders headers) {
    ToolSession session = sessions.require(token, headers);
    UiLanguage language = UiLanguage.negotiate(Optional.empty(), session.locale(),
        headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    Messages text = Messages.of(language);
    String name = session.displayName().orElse(text.get("user.unnamed"));
    StringBuilder main = new StringBuilder();
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
    return Page.render(language, "SoMe@Work", "", main.toString());
  }

  private static void fact(StringBuilder out, String label, String value, String id) {
    out.append("<dt>").append(Html.escape(label)).append("</dt><dd data-fact=\"").append(id).append("\">")
        .append(Html.escape(value)).append("</dd>");
  }
}
