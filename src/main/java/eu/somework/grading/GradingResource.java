package eu.somework.grading;

import eu.somework.access.RequestContext;
import eu.somework.config.Settings;
import eu.somework.content.ContentCatalogue;
import eu.somework.content.ReflectionTask;
import eu.somework.content.RubricCriterion;
import eu.somework.content.Unit;
import eu.somework.reflection.CourseKey;
import eu.somework.reflection.Reflections;
import eu.somework.session.Allow;
import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import eu.somework.web.Messages;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The teacher's grading of a unit: the list of the course's students ({@code GET}; its forms
 * release all graded drafts or retry a refused score), and one student's marking form
 * ({@code GET/POST …/{userId}}). The course is always the session's own; a user id from the
 * address is only looked up among that course's students and authors, and is a 404 otherwise.
 *
 * <p>Before a grade overwrites one the gradebook holds, the platform's result is read
 * ({@link GradebookCheck}): the form and the list warn when it was changed in the LMS since the
 * tool sent it, and a release then needs {@code overwrite=yes} (the form's checkbox); without it
 * nothing is saved or sent and the form comes back (409) with what the teacher entered.
 */
@Path("/app/grading/{unit}")
@Allow(value = {ToolRole.TEACHER, ToolRole.ADMINISTRATOR}, course = true, refusal = "grading.teachersOnly")
public class GradingResource {
  private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

  @Inject RequestContext context;
  @Inject ContentCatalogue catalogue;
  @Inject Reflections reflections;
  @Inject GradingService grading;
  @Inject GradingRoster roster;
  @Inject ScoreOutbox outbox;
  @Inject Settings settings;
  @Inject GradebookCheck check;

  @GET
  @Produces(HTML)
  public Response list(@PathParam("unit") String unitId, @QueryParam("notice") String notice) {
    Unit unit = unit(unitId);
    return page(200, listPage(unit, listNotice(notice)));
  }

  /** The list's forms: {@code action=releaseAll}, or {@code action=retry} with the score's {@code entry} id. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(HTML)
  public Response act(@PathParam("unit") String unitId, MultivaluedMap<String, String> form) {
    Unit unit = unit(unitId);
    ToolSession teacher = context.session();
    String action = form.getFirst("action");
    if ("releaseAll".equals(action)) {
      int[] released = releaseAll(teacher, unit.id());
      return back(links(unit).withToken(links(unit).list(), "released-" + released[0]
          + (released[1] > 0 ? "-kept-" + released[1] : "")));
    }
    if ("retry".equals(action)) {
      String entry = form.getFirst("entry");
      // only a refused score of this unit's column in the teacher's own course, as the list shows it
      boolean ours = entry != null && roster.scores(CourseKey.of(teacher), unit.id()).values().stream()
          .anyMatch(s -> s.id().equals(entry) && s.state() == OutboxState.FAILED);
      if (!ours) {
        throw new NotFoundException(context.text().get("grading.noSuchScore"));
      }
      outbox.retry(entry);
      return back(links(unit).withToken(links(unit).list(), "retried"));
    }
    throw new BadRequestException(context.text().get("grading.unknownAction"));
  }

  @GET
  @Path("{userId}")
  @Produces(HTML)
  public Response form(@PathParam("unit") String unitId, @PathParam("userId") String userId,
      @QueryParam("notice") String notice) {
    Unit unit = unit(unitId);
    ToolSession teacher = student(unit, userId);
    Optional<Grade.View> saved = grading.find(GradingRoster.key(teacher, unit.id(), userId));
    List<Reflections.VersionText> versions = versions(teacher, unit, userId);
    GradeFormPage.Input input = saved.map(GradeFormPage.Input::of).orElse(GradeFormPage.Input.empty(null));
    if (saved.isPresent() && !versions.isEmpty()) {
      // a regrade starts from the saved marks, for the latest version
      input = new GradeFormPage.Input(versions.get(versions.size() - 1).version().versionId(), input.points(),
          input.comments(), input.feedback(), input.note());
    }
    Optional<GradeFormPage.Notice> shown = Optional.ofNullable(notice).filter(n -> n.equals("draft")
        || n.equals("released") || n.equals("releasedNoGradebook")).map(n -> new GradeFormPage.Notice("ok", context.text().get("grading.notice." + n)));
    return page(200, formPage(unit, teacher, userId, versions, saved, input, shown,
        verdict(teacher, unit, userId), false));
  }

  /** Saves the marking ({@code action=draft}) or releases it ({@code action=release}); a refusal is a 400 with the input kept. */
  @POST
  @Path("{userId}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(HTML)
  public Response mark(@PathParam("unit") String unitId, @PathParam("userId") String userId,
      MultivaluedMap<String, String> form) {
    Unit unit = unit(unitId);
    ToolSession teacher = student(unit, userId);
    String action = form.getFirst("action");
    if (!"draft".equals(action) && !"release".equals(action)) {
      throw new BadRequestException(context.text().get("grading.unknownAction"));
    }
    List<Reflections.VersionText> versions = versions(teacher, unit, userId);
    ReflectionTask task = unit.reflection(context.language());
    GradeFormPage.Input input = input(form, task);
    GradeKey key = GradingRoster.key(teacher, unit.id(), userId);
    boolean overwrite = "yes".equals(form.getFirst("overwrite"));
    if ("release".equals(action) && !overwrite) {
      GradebookCheck.Verdict verdict = verdict(teacher, unit, userId);
      if (verdict instanceof GradebookCheck.Verdict.Changed) {
        // someone changed the grade in the LMS: nothing is saved or sent until the teacher confirms
        return page(409, formPage(unit, teacher, userId, versions, grading.find(key), input,
            Optional.of(new GradeFormPage.Notice("error", context.text().get("grading.check.notReleased"))),
            verdict, false));
      }
    }
    String notice = "draft";
    try {
      if (versions.stream().noneMatch(v -> v.version().versionId().equals(input.versionId()))) {
        throw new MarkingRefused("grading.error.version");
      }
      String teacherId = teacher.userId().orElse("");
      if ("release".equals(action)) {
        // no gradebook column (e.g. the module-wide activity): nothing is queued, and the notice says so
        notice = grading.release(key, input.marking(), teacherId).score().isPresent() ? "released" : "releasedNoGradebook";
      } else {
        grading.saveDraft(key, input.marking(), teacherId);
      }
    } catch (MarkingRefused refused) {
      Messages text = context.text();
      return page(400, formPage(unit, teacher, userId, versions, grading.find(key), input,
          Optional.of(new GradeFormPage.Notice("error", text.get(refused.messageKey(), refused.arguments()))),
          new GradebookCheck.Verdict.NothingSent(), overwrite));
    }
    return back(links(unit).withToken(links(unit).studentPath(userId), notice));
  }

  /**
   * Releases every draft that grades the student's latest version, except where the gradebook's
   * grade was changed in the LMS (the teacher confirms those one by one); returns how many were
   * released and how many kept back.
   */
  private int[] releaseAll(ToolSession teacher, String unitId) {
    int released = 0;
    int kept = 0;
    Map<String, GradebookCheck.Verdict> checks = null;
    for (GradingPage.Facts facts : roster.facts(teacher, unitId)) {
      if (GradingPage.status(facts) != GradingPage.Status.GRADED) {
        continue;
      }
      if (checks == null) {
        checks = checks(teacher, unitId);
      }
      if (checks.get(facts.student().userId()) instanceof GradebookCheck.Verdict.Changed) {
        kept++;
        continue;
      }
      Grade.View draft = facts.grade().orElseThrow();
      grading.release(draft.key(), new Marking(draft.versionId(), draft.marks(), draft.feedback(), draft.teacherNote()),
          teacher.userId().orElse(""));
      released++;
    }
    return new int[] {released, kept};
  }

  /** What the gradebook holds against what was sent, for one student (no check: nothing to say). */
  private GradebookCheck.Verdict verdict(ToolSession teacher, Unit unit, String userId) {
    return check == null ? new GradebookCheck.Verdict.NothingSent()
        : check.check(CourseKey.of(teacher), unit.id(), userId);
  }

  private Map<String, GradebookCheck.Verdict> checks(ToolSession teacher, String unitId) {
    return check == null ? Map.of() : check.checkAll(CourseKey.of(teacher), unitId);
  }

  private String listPage(Unit unit, Optional<GradingPage.Notice> notice) {
    ToolSession teacher = context.session();
    return GradingPage.render(GradingPage.view(context.language(), unit.title(context.language()), links(unit),
        roster.facts(teacher, unit.id()), roster.hasGradebook(CourseKey.of(teacher), unit.id()), notice,
        checks(teacher, unit.id())).withRosterProblem(roster.rosterProblem(teacher)));
  }

  private String formPage(Unit unit, ToolSession teacher, String userId, List<Reflections.VersionText> versions,
      Optional<Grade.View> saved, GradeFormPage.Input input, Optional<GradeFormPage.Notice> notice,
      GradebookCheck.Verdict verdict, boolean confirmed) {
    GradingPage.Facts facts = roster.facts(teacher, unit.id()).stream()
        .filter(f -> f.student().userId().equals(userId)).findFirst().orElseThrow(this::notFound);
    Messages text = context.text();
    String status = text.get("grading.status." + GradingPage.status(facts).name());
    return GradeFormPage.render(GradeFormPage.view(context.language(), GradingPage.name(text, facts.student()),
        unit.title(context.language()), links(unit), userId, unit.reflection(context.language()), versions, saved,
        input, status, notice, verdict, confirmed));
  }

  /** The form's fields as the teacher entered them; unreadable points count as not chosen (the check names them). */
  private static GradeFormPage.Input input(MultivaluedMap<String, String> form, ReflectionTask task) {
    Map<String, Integer> points = new HashMap<>();
    Map<String, String> comments = new HashMap<>();
    for (RubricCriterion c : task.criteria()) {
      String value = form.getFirst(GradeFormPage.POINTS_FIELD + c.id());
      if (value != null && value.strip().matches("-?\\d{1,6}")) {
        points.put(c.id(), Integer.parseInt(value.strip()));
      }
      String comment = form.getFirst(GradeFormPage.COMMENT_FIELD + c.id());
      if (comment != null && !comment.isBlank()) {
        comments.put(c.id(), comment);
      }
    }
    return new GradeFormPage.Input(form.getFirst("version"), points, comments,
        Optional.ofNullable(form.getFirst("feedback")).orElse(""), Optional.ofNullable(form.getFirst("note")).orElse(""));
  }

  /** The teacher's session, once {@code userId} is known as a student of its course; 404 otherwise. */
  private ToolSession student(Unit unit, String userId) {
    ToolSession teacher = context.session();
    if (!roster.isStudent(teacher, unit.id(), userId)) {
      throw notFound();
    }
    return teacher;
  }

  private List<Reflections.VersionText> versions(ToolSession teacher, Unit unit, String userId) {
    // that student's only: reading (and re-checking) every author's texts made each form cost the whole course
    return reflections.submittedBy(teacher, unit.id(), userId);
  }

  private Optional<GradingPage.Notice> listNotice(String notice) {
    if (notice == null) {
      return Optional.empty();
    }
    if (notice.equals("retried")) {
      return Optional.of(new GradingPage.Notice("ok", context.text().get("grading.notice.retried")));
    }
    Matcher kept = Pattern.compile("released-(\\d{1,5})-kept-(\\d{1,5})").matcher(notice);
    if (kept.matches()) {
      return Optional.of(new GradingPage.Notice("error", context.text().get("grading.notice.releasedAllKept",
          Integer.parseInt(kept.group(1)), Integer.parseInt(kept.group(2)))));
    }
    if (notice.matches("released-\\d{1,5}")) {
      return Optional.of(new GradingPage.Notice("ok", context.text().get("grading.notice.releasedAll",
          Integer.parseInt(notice.substring("released-".length())))));
    }
    return Optional.empty();
  }

  private NotFoundException notFound() {
    return new NotFoundException(context.text().get("grading.noSuchStudent"));
  }

  private GradingLinks links(Unit unit) {
    return new GradingLinks(unit.id(), context.sessionToken());
  }

  private Unit unit(String id) {
    return catalogue.find(id).orElseThrow(() -> new NotFoundException(ContentCatalogue.isUnitId(id)
        ? context.text().get("unit.notFound", id) : context.text().get("unit.notFoundAny")));
  }

  private Response back(String pathWithToken) {
    return Response.seeOther(URI.create(settings.baseUrl() + pathWithToken)).header("Cache-Control", "no-store")
        .build();
  }

  private static Response page(int status, String html) {
    return Response.status(status).entity(html).type(HTML).header("Cache-Control", "no-store").build();
  }
}
