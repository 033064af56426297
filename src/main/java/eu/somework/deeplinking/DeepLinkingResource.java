package eu.somework.deeplinking;

import eu.somework.content.ContentCatalogue;
import eu.somework.content.Unit;
import eu.somework.session.Allow;
import eu.somework.access.RequestContext;
import eu.somework.launch.DatabaseNonceRegistry;
import eu.somework.session.RandomTokens;
import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import eu.somework.lti.DeepLinkingResponse;
import eu.somework.platform.KeyRing;
import eu.somework.web.AutoPost;
import eu.somework.web.Messages;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The catalogue a teacher picks units from, and the signed answer sent back to the platform. */
@Path("/app/deep-linking")
@Allow(value = {ToolRole.TEACHER, ToolRole.ADMINISTRATOR}, refusal = "dl.forbidden")
public class DeepLinkingResource {
  /** The catalogue's buttons: add the chosen units, the whole module, cancel, or report unsupported types. */
  private static final Set<String> ACTIONS = Set.of("add", "all", "cancel", "error");

  @Inject RequestContext context;
  /** Single-use values per issuer: here, "this Deep Linking request has been answered". */
  @Inject DatabaseNonceRegistry answered;
  @Inject ContentCatalogue catalogue;
  @Inject KeyRing keys;
  @Inject Clock clock;

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public String catalogue() {
    ToolSession session = deepLinkingSession();
    return CataloguePage.render(context.text(), context.sessionToken(), session.deepLinking().orElseThrow(),
        catalogue.units(), Optional.empty());
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public Response answer(@FormParam("action") String action, @FormParam("unit") List<String> chosen,
      @FormParam("graded") List<String> graded) {
    ToolSession session = deepLinkingSession();
    ToolSession.DeepLinkingReturn dl = session.deepLinking().orElseThrow();
    Messages text = context.text();
    if (!ACTIONS.contains(String.valueOf(action))) {
      throw new BadRequestException(text.get("dl.unknownAction"));
    }
    DeepLinkingResponse.Request request = new DeepLinkingResponse.Request(session.clientId(), session.issuer(),
        session.deploymentId(), dl.data());
    String jwt;
    if (!dl.acceptsResourceLinks()) {
      jwt = responses().error(keys.signingKey(KeyRing.TOOL), request, text.get("dl.unsupported"),
          "accept_types does not include ltiResourceLink");
    } else if ("cancel".equals(action)) {
      jwt = responses().items(keys.signingKey(KeyRing.TOOL), request, List.of(), Optional.of(text.get("dl.cancelled")));
    } else if ("all".equals(action)) {
      jwt = responses().items(keys.signingKey(KeyRing.TOOL), request,
          List.of(UnitPlacement.wholeModule(text.get("dl.moduleTitle"), text.get("dl.moduleText"))), Optional.empty());
    } else {
      List<Unit> units = selected(chosen);
      Optional<String> problem = units.isEmpty() ? Optional.of(text.get("dl.chooseOne"))
          : units.size() > 1 && !dl.acceptMultiple() ? Optional.of(text.get("dl.onlyOne")) : Optional.empty();
      if (problem.isPresent()) {
        return Response.status(400)
            .entity(CataloguePage.render(text, context.sessionToken(), dl, catalogue.units(), problem)).build();
      }
      Set<String> gradedIds = new LinkedHashSet<>(graded == null ? List.of() : graded);
      List<DeepLinkingResponse.ResourceLinkItem> items = new ArrayList<>();
      for (Unit unit : units) {
        items.add(UnitPlacement.of(unit, text.language(), dl.acceptLineItem() && gradedIds.contains(unit.id()),
            Optional.of(text.get("dl.reviewLabel"))));
      }
      jwt = responses().items(keys.signingKey(KeyRing.TOOL), request, items, Optional.empty());
    }
    // one answer per Deep Linking request: a second would add the same activities again
    if (!answered.markUsed(session.issuer(), "deep-linking-answer:" + RandomTokens.sha256(context.sessionToken()),
        session.expiresAt())) {
      throw new ClientErrorException(text.get("dl.answered"), Response.Status.CONFLICT);
    }
    return Response.ok(AutoPost.page(dl.returnUrl(), java.util.Map.of("JWT", jwt), text.get("dl.return"))).build();
  }

  private List<Unit> selected(List<String> chosen) {
    List<Unit> units = new ArrayList<>();
    for (String id : new LinkedHashSet<>(chosen == null ? List.of() : chosen)) {
      units.add(catalogue.find(id).orElseThrow(() -> new BadRequestException("There is no unit '" + id + "'.")));
    }
    return units;
  }

  /** Only a session opened by a Deep Linking request can answer one. */
  private ToolSession deepLinkingSession() {
    ToolSession session = context.session();
    if (session.deepLinking().isEmpty()) {
      throw new BadRequestException(context.text().get("dl.notDeepLinking"));
    }
    return session;
  }

  private DeepLinkingResponse responses() {
    return new DeepLinkingResponse(clock);
  }
}
