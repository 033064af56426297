package eu.somework.web;

import eu.somework.session.Public;
import eu.somework.config.Settings;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The front page for someone who opens the tool's URL directly rather than from a course. */
@Path("/")
@Public("the front page for someone who opens the tool's URL directly")
public class RootResource {
  @Inject Settings settings;

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public String index() {
    String base = settings.baseUrl();
    StringBuilder main = new StringBuilder()
        .append("<h1>SoMe@Work</h1>")
        .append("<p>An LTI 1.3 tool: module units on social media at work, blog reflections and grading.")
        .append(" Students and teachers open it from their course in the learning platform.</p>")
        .append("<h2>For platform administrators</h2><dl class=\"facts\">")
        .append("<dt>Login initiation URL</dt><dd>").append(Html.escape(base + "/lti/login")).append("</dd>")
        .append("<dt>Redirect URI</dt><dd>").append(Html.escape(base + "/lti/launch")).append("</dd>")
        .append("<dt>Public keyset URL</dt><dd>").append(Html.escape(base + "/.well-known/jwks.json")).append("</dd>")
        .append("<dt>Tool URL</dt><dd>").append(Html.escape(base + "/")).append("</dd></dl>");
    if (settings.simulatorEnabled()) {
      main.append("<p><a class=\"button\" href=\"/simulator\">Try it in the platform simulator</a></p>");
    }
    return Page.render(UiLanguage.EN, "SoMe@Work", "", main.toString());
  }
}
