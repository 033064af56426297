package eu.somework.module;

import eu.somework.session.Allow;
import eu.somework.access.RequestContext;
import eu.somework.config.Settings;
import eu.somework.learner.LanguagePreferences;
import eu.somework.session.ToolRole;
import eu.somework.web.UiLanguage;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/**
 * The language menu's form: stores a platform user's choice, then sends them back to the page they
 * were on. A guest's choice is not stored; it travels on in the links instead.
 */
@Path("/app/language")
@Allow({ToolRole.STUDENT, ToolRole.TEACHER, ToolRole.ADMINISTRATOR, ToolRole.GUEST})
public class LanguageResource {
  @Inject RequestContext context;
  @Inject LanguagePreferences languages;
  @Inject Settings settings;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response choose(@FormParam("lang") String lang, @FormParam("return") String returnPath) {
    Visit visit = Visit.of(context);
    Optional<UiLanguage> chosen = UiLanguage.ofCode(lang);
    if (chosen.isEmpty()) {
      throw new BadRequestException(visit.text().get("language.invalid"));
    }
    if (!AppLinks.isReturnPath(returnPath)) {
      throw new BadRequestException(visit.text().get("language.badReturn"));
    }
    boolean stored = languages.remember(visit.session(), chosen.get());
    AppLinks links = new AppLinks(visit.links().token(), stored ? Optional.empty() : chosen);
    return Response.seeOther(URI.create(settings.baseUrl() + links.url(returnPath)))
        .header("Cache-Control", "no-store").build();
  }
}
