package eu.somework.reflection;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.somework.access.RequestContext;
import eu.somework.config.Settings;
import eu.somework.content.ContentCatalogue;
import eu.somework.content.Unit;
import eu.somework.course.CourseMembers;
import eu.somework.session.Allow;
import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import eu.somework.web.Messages;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A unit's reflection: the student's editor (GET), its form (POST: save or submit, the way that
 * works without JavaScript) and the editor script's autosave ({@code POST …/draft}, JSON). A
 * teacher opening the address gets the unit's submitted reflections, read-only.
 */
@Path("/app/units/{id}/reflection")
public class ReflectionResource {
  private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

  @Inject RequestContext context;
  @Inject ContentCatalogue catalogue;
  @Inject Reflections reflections;
  @Inject CourseMembers members;
  @Inject Settings settings;
  /** The student's released grade (grading provides it; absent outside the container). */
  @Inject ReleasedGrades grades;

  @GET
  @Produces(HTML)
  @Allow(value = {ToolRole.STUDENT, ToolRole.TEACHER, ToolRole.ADMINISTRATOR}, course = true,
      refusal = "reflection.membersOnly")
  public Response show(@PathParam("id") String id, @QueryParam("notice") String notice) {
    Unit unit = unit(id);
    ToolSession session = context.session();
    Links links = new Links(context.sessionToken());
    if (session.role().canTeach()) {
      return page(200, TeacherPage.render(unit, context.language(), links, reflections.submittedFor(session, unit.id()),
          Names.of(members, session)));
    }
    Reflections.MyReflection mine = reflections.mine(session, unit.id());
    return page(200, EditorPage.render(unit, context.language(), links, mine, notice(notice, mine, unit),
        released(session, unit)));
  }

  /** The editor's form: {@code action=submit} submits, anything else saves the draft; then back to the editor. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(HTML)
  @Allow(value = ToolRole.STUDENT, course = true, refusal = "reflection.studentsOnly")
  public Response save(@PathParam("id") String id, @FormParam("html") String html,
      @FormParam("visibility") String visibility, @FormParam("action") String action) {
    Unit unit = unit(id);
    Messages text = context.text();
    if (html == null) {
      throw new BadRequestException(text.get("reflection.noText"));
    }
    ToolSession student = context.session();
    Optional<Visibility> chosen = Optional.ofNullable(visibility).map(v -> Visibility.parse(v, Visibility.PRIVATE));
    String notice;
    try {
      if ("submit".equals(action)) {
        Reflections.SubmittedVersion version = reflections.submit(student, unit.id(), html, chosen);
        boolean inRange = unit.reflection(context.language()).words().map(r -> r.contains(version.words()))
            .orElse(true);
        notice = inRange ? "submitted" : "submittedOutOfRange";
      } else {
        reflections.saveDraft(student, unit.id(), html, chosen);
        notice = "saved";
      }
    } catch (ReflectionHtml.TextTooLong e) {
      throw tooLong(text, e);
    } catch (ReflectionRefused e) {
      if (e.reason() != ReflectionRefused.Reason.NOTHING_TO_SUBMIT) {
        throw e;
      }
      // keep what they have (an emptied draft), and say why nothing was submitted
      Reflections.MyReflection mine = reflections.saveDraft(student, unit.id(), html, chosen);
      return page(400, EditorPage.render(unit, context.language(), new Links(context.sessionToken()), mine,
          Optional.of(new EditorPage.Notice("error", text.get(e.reason().messageKey()))), released(student, unit)));
    }
    Links links = new Links(context.sessionToken());
    return Response.seeOther(URI.create(settings.baseUrl() + links.url(Links.editor(unit.id()), notice)))
        .header("Cache-Control", "no-store").build();
  }

  /**
   * Autosave from the editor's script (session in the {@code X-SomeWork-Session} header): stores
   * the draft and answers {@code {"status", "words", "savedAt"}}; a text over the limit is a 413
   * whose JSON message the editor shows, and the stored draft stays as it was. With {@code base}
   * (the {@code version} the editor loaded or last got back) a draft changed since in another
   * window or device is a 409 whose JSON message the editor shows; nothing is stored then.
   * Overlapping saves take turns; without {@code base} the last one wins.
   */
  @POST
  @Path("draft")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  // no @Produces: a request that accepts only HTML must still meet the access filter (401/403),
  // not a 406 from content negotiation; the answer is JSON all the same
  @Allow(value = ToolRole.STUDENT, course = true, refusal = "reflection.studentsOnly")
  public Response autosave(@PathParam("id") String id, @FormParam("html") String html,
      @FormParam("visibility") String visibility, @FormParam("base") String base) {
    Unit unit = unit(id);
    if (html == null) {
      throw new BadRequestException(context.text().get("reflection.noText"));
    }
    Optional<Visibility> chosen = Optional.ofNullable(visibility).map(v -> Visibility.parse(v, Visibility.PRIVATE));
    Reflections.MyReflection saved;
    try {
      saved = reflections.saveDraft(context.session(), unit.id(), html, chosen, base(base));
    } catch (ReflectionHtml.TextTooLong e) {
      throw tooLong(context.text(), e);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", saved.status().name());
    body.put("statusText", context.text().get("reflection.status." + saved.status().name()));
    body.put("words", saved.draft().words());
    body.put("savedAt", saved.savedAt().map(Times::format).orElse(""));
    body.put("version", saved.version());
    return Response.ok(JSONObjectUtils.toJSONString(body), MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-store").build();
  }

  private OptionalLong base(String base) {
    if (base == null || base.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(base.strip()));
    } catch (NumberFormatException e) {
      throw new BadRequestException(context.text().get("reflection.noText"));
    }
  }

  private Optional<ReleasedGrades.ReleasedGrade> released(ToolSession student, Unit unit) {
    return grades == null ? Optional.empty() : grades.releasedFor(student, unit.id(), context.language());
  }

  private Unit unit(String id) {
    return catalogue.find(id).orElseThrow(() -> new NotFoundException(ContentCatalogue.isUnitId(id)
        ? context.text().get("unit.notFound", id) : context.text().get("unit.notFoundAny")));
  }

  private Optional<EditorPage.Notice> notice(String notice, Reflections.MyReflection mine, Unit unit) {
    Messages text = context.text();
    int version = mine.latest().map(Reflections.SubmittedVersion::number).orElse(0);
    if ("saved".equals(notice)) {
      return Optional.of(new EditorPage.Notice("ok", text.get("reflection.notice.saved")));
    }
    if ("submitted".equals(notice) && version > 0) {
      return Optional.of(new EditorPage.Notice("ok", text.get("reflection.notice.submitted", version)));
    }
    if ("submittedOutOfRange".equals(notice) && version > 0) {
      var range = unit.reflection(context.language()).words();
      return range.map(r -> new EditorPage.Notice("warn", text.get("reflection.notice.outOfRange", version,
          mine.latest().orElseThrow().words(), r.min(), r.max())));
    }
    return Optional.empty();
  }

  private static WebApplicationException tooLong(Messages text, ReflectionHtml.TextTooLong e) {
    return new WebApplicationException(text.get("reflection.tooLarge", e.kilobytes()), 413);
  }

  private static Response page(int status, String html) {
    return Response.status(status).entity(html).type(HTML).header("Cache-Control", "no-store").build();
  }
}
