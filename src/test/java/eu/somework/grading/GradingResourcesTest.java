package eu.somework.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.access.RequestContext;
import eu.somework.config.Settings;
import eu.somework.content.RubricCriterion;
import eu.somework.course.CourseMembers;
import eu.somework.course.ResourceLinks;
import eu.somework.learner.LanguagePreferences;
import eu.somework.lti.LtiLaunch;
import eu.somework.lti.PlatformRegistration;
import eu.somework.lti.nrps.Member;
import eu.somework.lti.nrps.MemberStatus;
import eu.somework.platform.PlatformDirectory;
import eu.somework.lti.MessageType;
import eu.somework.persistence.TestDatabase;
import eu.somework.persistence.Transactor;
import eu.somework.progress.LearnerProgress;
import eu.somework.reflection.ReflectionSubmitted;
import eu.somework.reflection.Reflections;
import eu.somework.reflection.ReleasedGrades;
import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import eu.somework.testsupport.ModuleFixtures;
import eu.somework.testsupport.Sessions;
import eu.somework.web.UiLanguage;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The grading pages wired as the container wires them (real catalogue, rubric, reflections, grades
 * and score outbox on H2), called as the teacher's browser calls them, without a server.
 */
class GradingResourcesTest {
  private static final String UNIT = "data-protection";
  private static final String OTHER_UNIT = "social-media-at-work";
  private static final ToolSession TEACHER = Sessions.of(ToolRole.TEACHER, "teacher-1", "Tiina Teacher",
      Sessions.COURSE, "en");
  private static final ToolSession ANNA = Sessions.student("u-anna", "Anna Author");
  private static final ToolSession BO = Sessions.student("u-bo", "Bo Drafter");
  private static final ToolSession CY = Sessions.student("u-cy", "Cy Silent");

  private static final String MEMBERSHIPS = Sessions.ISSUER + "/nrps/course-1/memberships";

  private CourseMembers members;
  private Reflections reflections;
  private GradingService grading;
  private ScoreOutbox outbox;
  private ResourceLinks links;
  private GradingResource resource;
  private StudentGrades studentGrades;
  private SubmissionScores submissions;

  @BeforeEach
  void wire() {
    Transactor tx = TestDatabase.open("grading-resources-" + System.nanoTime());
    Clock clock = Clock.systemUTC();
    members = CourseMembers.over(tx);
    reflections = Reflections.over(tx, LearnerProgress.over(tx, members, clock), clock);
    outbox = ScoreOutbox.over(tx, clock, new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), () -> 1.0));
    links = ResourceLinks.over(tx);
    grading = GradingService.over(tx, clock, outbox, ModuleFixtures.CATALOGUE, links);
    GradingRoster roster = GradingRoster.over(members, reflections, grading, outbox, links);
    resource = new GradingResource();
    resource.catalogue = ModuleFixtures.CATALOGUE;
    resource.reflections = reflections;
    resource.grading = grading;
    resource.roster = roster;
    resource.outbox = outbox;
    resource.settings = new Settings() {
      @Override
      public String baseUrl() {
        return "https://tool.example";
      }
    };
    resource.context = RequestContext.of(TEACHER, "teacher-token", UiLanguage.EN, Optional.empty());
    studentGrades = StudentGrades.over(grading, ModuleFixtures.CATALOGUE, reflections, roster);
    submissions = SubmissionScores.over(grading);
    for (ToolSession member : List.of(TEACHER, ANNA, BO, CY)) {
      members.seen(member);
    }
    placeUnitWithGradebookColumn();
  }

  private void placeUnitWithGradebookColumn() {
    links.record(new LtiLaunch(Sessions.ISSUER, "client-1", "deployment-1", Optional.of("teacher-1"),
        MessageType.RESOURCE_LINK, List.of(), Set.of(), Optional.of(new LtiLaunch.Context(Sessions.COURSE,
            Optional.empty(), Optional.of("Course"))), Optional.of(new LtiLaunch.ResourceLink("link-1", Optional.empty())),
        Optional.empty(), Optional.empty(), Map.of("unit", UNIT), Optional.empty(),
        Optional.of(new LtiLaunch.GradeService(List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
            Optional.empty(), Optional.of(Sessions.ISSUER + "/lineitems/7/lineitem?type_id=3"))),
        Optional.of(MEMBERSHIPS), Optional.empty(), "https://tool.example/lti/launch"));
  }

  /** Submits as the student and tells grading, as the container's event does. */
  private Reflections.SubmittedVersion submit(ToolSession student, String html) {
    Reflections.SubmittedVersion version = reflections.submit(student, UNIT, html, Optional.empty());
    submissions.submitted(new ReflectionSubmitted(version));
    return version;
  }

  /** The form as the teacher's browser posts it: every criterion at its top level, or leaving one out. */
  private MultivaluedMap<String, String> form(String versionId, String action, boolean leaveOneOut) {
    return form(UNIT, versionId, action, leaveOneOut);
  }

  private MultivaluedMap<String, String> form(String unit, String versionId, String action, boolean leaveOneOut) {
    MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
    form.putSingle("s", "teacher-token");
    form.putSingle("version", versionId);
    form.putSingle("action", action);
    List<RubricCriterion> criteria = ModuleFixtures.CATALOGUE.find(unit).orElseThrow().reflection(UiLanguage.EN)
        .criteria();
    for (RubricCriterion c : criteria.subList(0, leaveOneOut ? criteria.size() - 1 : criteria.size())) {
      form.putSingle("points." + c.id(), String.valueOf(c.maxPoints()));
      form.putSingle("comment." + c.id(), "Comment on " + c.id());
    }
    form.putSingle("feedback", "A convincing analysis.");
    form.putSingle("note", "Private: compare with last year.");
    return form;
  }

  private static Document html(Response response) {
    return Jsoup.parse((String) response.getEntity());
  }

  private Map<String, String> statuses() {
    Document list = html(resource.list(UNIT, null));
    Map<String, String> found = new java.util.HashMap<>();
    list.select("tr[data-user]").forEach(row -> found.put(row.attr("data-user"),
        row.selectFirst("[data-status]").attr("data-status")));
    return found;
  }

  @Test
  void theListShowsEveryStudentOfTheCourseWithWhereTheyStand() {
    submit(ANNA, "<p>Anna's submitted reflection</p>");
    reflections.saveDraft(BO, UNIT, "<p>Bo is still writing</p>", Optional.empty());

    assertEquals(Map.of("u-anna", "SUBMITTED", "u-bo", "DRAFT", "u-cy", "NOT_STARTED"), statuses());
    Document list = html(resource.list(UNIT, null));
    assertEquals("1", list.selectFirst("[data-fact=submissions]").text());
    assertEquals("3", list.selectFirst("[data-fact=students]").text());
    assertTrue(list.selectFirst("tr[data-user=u-anna]").text().contains("Anna Author"));
    assertEquals("PENDING", list.selectFirst("tr[data-user=u-anna] [data-gradebook]").attr("data-gradebook"),
        "the submission is on its way to the gradebook");
    assertTrue(list.selectFirst("tr[data-user=u-anna] [data-gradebook]").text().startsWith("Waiting to send"));
  }

  @Test
  void aDraftIsHiddenFromTheStudentUntilReleasedAndTheNoteNeverShows() {
    String version = submit(ANNA, "<p>Anna's reflection</p>").versionId();

    Response draft = resource.mark(UNIT, "u-anna", form(version, "draft", false));
    assertEquals(303, draft.getStatus());
    assertEquals(Map.of("u-anna", "GRADED", "u-bo", "NOT_STARTED", "u-cy", "NOT_STARTED"), statuses());
    assertTrue(studentGrades.releasedFor(ANNA, UNIT, UiLanguage.EN).isEmpty(), "a draft is never shown");

    assertEquals(303, resource.mark(UNIT, "u-anna", form(version, "release", false)).getStatus());
    ReleasedGrades.ReleasedGrade seen = studentGrades.releasedFor(ANNA, UNIT, UiLanguage.EN).orElseThrow();
    assertEquals(14, seen.total());
    assertEquals(Optional.of("A convincing analysis."), seen.feedback());
    assertEquals(4, seen.criteria().size());
    assertEquals(Optional.of("Comment on principles"), seen.criteria().get(0).comment());
    assertEquals(Optional.of(1), seen.versionNumber());
    assertEquals(Optional.of("PENDING"), seen.gradebook());
    assertFalse(seen.toString().contains("Private"), "the teacher's note is not in what the student gets");
    assertTrue(studentGrades.releasedFor(BO, UNIT, UiLanguage.EN).isEmpty(), "nor anyone else's grade");

    Document form = html(resource.form(UNIT, "u-anna", "released"));
    assertTrue(form.text().contains("The grade is released"), form.text());
    assertEquals("Private: compare with last year.", form.selectFirst("#note").text(), "the teacher sees the note");
    assertEquals(4, form.select("input[type=radio][checked]").size(), "the saved marks are chosen");
    assertEquals("14 / 14 points", form.selectFirst("[data-fact=total]").text());
  }

  @Test
  void aReleaseWhereTheUnitHasNoGradebookColumnSaysNothingIsSentToTheGradebook() {
    String unit = OTHER_UNIT; // no resource link with a line item for it in this course (as the module-wide activity)
    Reflections.SubmittedVersion version = reflections.submit(ANNA, unit, "<p>Anna on another unit</p>", Optional.empty());
    submissions.submitted(new ReflectionSubmitted(version));

    Response released = resource.mark(unit, "u-anna", form(unit, version.versionId(), "release", false));
    assertEquals(303, released.getStatus());
    assertTrue(released.getLocation().toString().contains("notice=releasedNoGradebook"),
        released.getLocation().toString());
    String notice = html(resource.form(unit, "u-anna", "releasedNoGradebook")).selectFirst("[data-fact=notice]").text();
    assertEquals("The grade is released: the student sees it. This activity has no gradebook column, so nothing is sent"
        + " to the gradebook.", notice);
    assertFalse(notice.contains("on its way"), notice);

    // the positive beside it: where the unit has a column, the score is queued and the notice says so
    String queued = submit(ANNA, "<p>Anna's reflection</p>").versionId();
    Response withColumn = resource.mark(UNIT, "u-anna", form(queued, "release", false));
    assertTrue(withColumn.getLocation().toString().contains("notice=released&")
        || withColumn.getLocation().toString().endsWith("notice=released"), withColumn.getLocation().toString());
    assertTrue(html(resource.form(UNIT, "u-anna", "released")).text().contains("on its way to the gradebook"));
  }

  @Test
  void aRefusedMarkingIsA400ThatKeepsTheTeachersInput() {
    String version = submit(ANNA, "<p>Anna's reflection</p>").versionId();
    Response refused = resource.mark(UNIT, "u-anna", form(version, "release", true));
    assertEquals(400, refused.getStatus());
    Document page = html(refused);
    assertTrue(page.selectFirst("[data-fact=notice]").text().startsWith("Choose a level for"), page.text());
    assertEquals("A convincing analysis.", page.selectFirst("#feedback").text());
    assertEquals("Private: compare with last year.", page.selectFirst("#note").text());
    assertEquals(3, page.select("input[type=radio][checked]").size(), "the levels chosen are kept");
    assertTrue(grading.find(GradingRoster.key(TEACHER, UNIT, "u-anna")).isEmpty(), "nothing is saved");

    MultivaluedMap<String, String> badPoints = form(version, "draft", false);
    badPoints.putSingle("points.principles", "3");
    Response points = resource.mark(UNIT, "u-anna", badPoints);
    assertEquals(400, points.getStatus());
    assertTrue(html(points).text().contains("must be one of the rubric’s levels: [0, 2, 4]"), html(points).text());

    Response otherVersion = resource.mark(UNIT, "u-anna", form("not-annas-version", "draft", false));
    assertEquals(400, otherVersion.getStatus());
    assertTrue(html(otherVersion).text().contains("not one this student submitted"));
  }

  @Test
  void aRevisionAfterTheGradeAsksForARegradeAndReleaseAllTakesOnlyCurrentDrafts() {
    String anna1 = submit(ANNA, "<p>First</p>").versionId();
    String bo1 = submit(BO, "<p>Bo's</p>").versionId();
    resource.mark(UNIT, "u-anna", form(anna1, "release", false));
    submit(ANNA, "<p>Second, revised</p>");
    resource.mark(UNIT, "u-bo", form(bo1, "draft", false));
    assertEquals("NEEDS_REGRADE", statuses().get("u-anna"));
    assertEquals("GRADED", statuses().get("u-bo"));

    Response released = resource.act(UNIT, new MultivaluedHashMap<>(Map.of("action", "releaseAll")));
    assertEquals(303, released.getStatus());
    assertTrue(released.getLocation().toString().contains("notice=released-1"), released.getLocation().toString());
    assertEquals("RELEASED", statuses().get("u-bo"));
    assertEquals("NEEDS_REGRADE", statuses().get("u-anna"));
    Document list = html(resource.list(UNIT, "released-1"));
    // Anna's released grade stands (and stays in the gradebook) until her regrade is released
    assertEquals("2", list.selectFirst("[data-fact=released]").text());
    assertEquals("14 / 14 points", list.selectFirst("[data-fact=average]").text());
    assertEquals("2", list.select(".band-count").last().text(), "the top band holds both full marks");
  }

  @Test
  void noOneOutsideTheTeachersCourseIsFoundByChangingTheAddress() {
    ToolSession elsewhere = Sessions.of(ToolRole.STUDENT, "u-far", "Far Away", "course-2", "en");
    members.seen(elsewhere);
    reflections.submit(elsewhere, UNIT, "<p>Another course's reflection</p>", Optional.empty());
    assertThrows(NotFoundException.class, () -> resource.form(UNIT, "u-far", null));
    assertThrows(NotFoundException.class, () -> resource.mark(UNIT, "u-far", form("x", "draft", false)));
    assertThrows(NotFoundException.class, () -> resource.form(UNIT, "nobody", null));
    assertThrows(NotFoundException.class, () -> resource.list("no-such-unit", null));
    assertFalse(statuses().containsKey("u-far"));
  }

  @Test
  void onlyARefusedScoreOfTheTeachersOwnCourseCanBeRetried() {
    submit(ANNA, "<p>Anna's reflection</p>");
    // another course's refused score, in the same deployment
    ToolSession far = Sessions.of(ToolRole.STUDENT, "u-far", "Far Away", "course-2", "en");
    OutboxEntry.Snapshot foreign = outbox.enqueue(new ScoreTarget(Sessions.ISSUER, "client-1", "deployment-1",
        "link-of-course-2", Optional.of(UNIT), far.userId().orElseThrow()), ScoreProgress.SUBMITTED,
        java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(), Optional.empty());
    outbox.deliverDue(entry -> new DeliveryOutcome.Refused(400, "Incorrect score received"), "test", 10);

    Document list = html(resource.list(UNIT, null));
    assertEquals("Failed: Incorrect score received",
        list.selectFirst("tr[data-user=u-anna] [data-gradebook]").ownText().strip());
    String annas = list.selectFirst("tr[data-user=u-anna] input[name=entry]").attr("value");

    assertThrows(NotFoundException.class, () -> resource.act(UNIT, new MultivaluedHashMap<>(
        Map.of("action", "retry", "entry", foreign.id()))));
    assertEquals(OutboxState.FAILED, outbox.find(foreign.id()).orElseThrow().state(), "not retried");
    assertEquals(303, resource.act(UNIT, new MultivaluedHashMap<>(Map.of("action", "retry", "entry", annas)))
        .getStatus());
    assertEquals(OutboxState.PENDING, outbox.find(annas).orElseThrow().state());
  }

  @Test
  void theDistributionCountsReleasedGradesByShareOfTheMaximum() {
    List<GradingPage.Band> bands = GradingPage.bands(eu.somework.web.Messages.of(UiLanguage.EN),
        List.of(0.0, 0.19, 0.2, 0.5, 1.0, 0.99));
    assertEquals(List.of(2, 1, 1, 0, 2), bands.stream().map(GradingPage.Band::count).toList());
    assertEquals("80–100 %", bands.get(4).label());
    assertEquals("Student without a name (id u-9)", GradingPage.name(eu.somework.web.Messages.of(UiLanguage.EN),
        new GradingPage.Student("u-9", Optional.empty())));
  }

  /** The list as it is when the platform's roster ({@code source}) is merged in. */
  private GradingResource withPlatformRoster(PlatformRoster.Source source) {
    PlatformRegistration registration = new PlatformRegistration("Moodle", Sessions.ISSUER, "client-1",
        Set.of("deployment-1"), URI.create(Sessions.ISSUER + "/auth"), URI.create(Sessions.ISSUER + "/token"),
        URI.create(Sessions.ISSUER + "/keys"));
    PlatformDirectory platforms = new PlatformDirectory() {
      @Override
      public Optional<PlatformRegistration> find(String issuer, String clientId) {
        return Optional.of(registration).filter(r -> r.issuer().equals(issuer) && r.clientId().equals(clientId));
      }
    };
    resource.roster = GradingRoster.over(members, reflections, grading, outbox, links,
        PlatformRoster.over(links, platforms, source));
    return resource;
  }

  private static Member learner(String userId, String name) {
    return new Member(userId, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"),
        MemberStatus.ACTIVE, Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void theListAddsTheLearnersThePlatformListsAlsoThoseWhoNeverOpenedTheTool() {
    List<URI> asked = new ArrayList<>();
    withPlatformRoster((registration, url) -> {
      asked.add(url);
      return PlatformRoster.Answer.of(List.of(learner("u-anna", "Anna Author"), learner("u-dee", "Dee Absent")));
    });

    Document list = html(resource.list(UNIT, null));
    assertTrue(list.selectFirst("tr[data-user=u-dee]").text().contains("Dee Absent"));
    assertEquals("4", list.selectFirst("[data-fact=students]").text());
    assertNull(list.selectFirst("[data-note=roster]"), "a roster that was read needs no note");
    assertEquals(List.of(URI.create(MEMBERSHIPS)), asked);
  }

  @Test
  void aRosterThePlatformWouldNotGiveIsNamedOnTheListWhichStillShowsWhoLaunched() {
    List<URI> asked = new ArrayList<>();
    withPlatformRoster((registration, url) -> {
      asked.add(url);
      return PlatformRoster.Answer.failed("failed (HTTP 403): Names and roles service not enabled");
    });

    Document list = html(resource.list(UNIT, null));
    Element note = list.selectFirst("[data-note=roster]");
    assertTrue(note != null && note.text().contains("Names and roles service not enabled")
        && note.text().contains("only the students who opened the tool"), String.valueOf(note));
    assertEquals(Set.of("u-anna", "u-bo", "u-cy"), statuses().keySet());
    assertEquals(1, asked.size(), "a failed roster is not asked for again on the next page within a minute");
  }

  /** A stand-in for the check of the platform's gradebook (the LMS is not on this machine): says {@code verdict}. */
  private java.util.concurrent.atomic.AtomicReference<GradebookCheck.Verdict> gradebookSays() {
    java.util.concurrent.atomic.AtomicReference<GradebookCheck.Verdict> verdict =
        new java.util.concurrent.atomic.AtomicReference<>(new GradebookCheck.Verdict.NothingSent());
    resource.check = new GradebookCheck() {
      @Override
      public Verdict check(eu.somework.reflection.CourseKey course, String unitId, String userId) {
        return userId.equals("u-anna") ? verdict.get() : new Verdict.NothingSent();
      }

      @Override
      public Map<String, Verdict> checkAll(eu.somework.reflection.CourseKey course, String unitId) {
        return Map.of("u-anna", verdict.get());
      }
    };
    return verdict;
  }

  @Test
  void aRegradeOverAGradeChangedInTheLmsIsReleasedOnlyWhenTheTeacherConfirmsTheOverwrite() {
    var verdict = gradebookSays();
    String version = submit(ANNA, "<p>Anna's reflection</p>").versionId();
    assertEquals(303, resource.mark(UNIT, "u-anna", form(version, "release", false)).getStatus());
    GradeKey key = GradingRoster.key(TEACHER, UNIT, "u-anna");
    int queued = outbox.latestPerUser(Sessions.ISSUER, "client-1", "deployment-1", "link-1").size();
    verdict.set(new GradebookCheck.Verdict.Changed(Optional.of(new GradebookCheck.Points(7, 14)),
        new GradebookCheck.Points(14, 14), java.time.Instant.parse("2027-03-01T12:00:00Z")));

    Document form = html(resource.form(UNIT, "u-anna", null));
    assertEquals("The gradebook holds 7/14, changed in the LMS since SoMe@Work sent 14/14 on 2027-03-01 12:00 UTC;"
        + " releasing will overwrite it.", form.selectFirst("[data-fact=gradebook-check]").text());
    assertEquals("alert", form.selectFirst("[data-fact=gradebook-check]").attr("role"));
    assertNotNull(form.selectFirst("input#overwrite[type=checkbox]:not([checked])"));
    assertEquals("Changed in the LMS: 7/14 (SoMe@Work sent 14/14)",
        html(resource.list(UNIT, null)).selectFirst("tr[data-user=u-anna] [data-check=changed]").text());

    MultivaluedMap<String, String> regrade = form(version, "release", false);
    regrade.putSingle("feedback", "Regraded after a second look.");
    Response refused = resource.mark(UNIT, "u-anna", regrade);
    assertEquals(409, refused.getStatus());
    Document page = html(refused);
    assertTrue(page.selectFirst("[data-fact=notice]").text().startsWith("Not released"), page.text());
    assertEquals("Regraded after a second look.", page.selectFirst("#feedback").text(), "the teacher's input is kept");
    assertEquals(4, page.select("input[type=radio][checked]").size());
    assertEquals(Optional.of("A convincing analysis."), grading.find(key).orElseThrow().feedback(), "nothing saved");
    assertEquals(queued, outbox.latestPerUser(Sessions.ISSUER, "client-1", "deployment-1", "link-1").size());
    assertEquals(OutboxState.PENDING, outbox.latestPerUser(Sessions.ISSUER, "client-1", "deployment-1", "link-1")
        .get("u-anna").state());
    assertEquals(Optional.of("A convincing analysis."), outbox.latestPerUser(Sessions.ISSUER, "client-1",
        "deployment-1", "link-1").get("u-anna").comment(), "no new score queued");

    // Release all leaves her out too
    resource.mark(UNIT, "u-anna", with(regrade, "action", "draft"));
    Response all = resource.act(UNIT, new MultivaluedHashMap<>(Map.of("action", "releaseAll")));
    assertTrue(all.getLocation().toString().contains("notice=released-0-kept-1"), all.getLocation().toString());
    assertFalse(grading.find(key).orElseThrow().released());
    assertTrue(html(resource.list(UNIT, "released-0-kept-1")).text().contains("Not released, because the gradebook"));

    Response confirmed = resource.mark(UNIT, "u-anna", with(regrade, "overwrite", "yes"));
    assertEquals(303, confirmed.getStatus());
    assertTrue(grading.find(key).orElseThrow().released());
    assertEquals(Optional.of("Regraded after a second look."), outbox.latestPerUser(Sessions.ISSUER, "client-1",
        "deployment-1", "link-1").get("u-anna").comment(), "the regrade is on its way to the gradebook");
  }

  @Test
  void aGradebookThatCannotBeReadOrCheckedIsSaidAndDoesNotBlockTheRelease() {
    var verdict = gradebookSays();
    String version = submit(ANNA, "<p>Anna's reflection</p>").versionId();
    verdict.set(new GradebookCheck.Verdict.Unreadable("HTTP 503"));
    Document form = html(resource.form(UNIT, "u-anna", null));
    assertEquals("Could not check the gradebook (HTTP 503). You can still release.",
        form.selectFirst("[data-fact=gradebook-check]").text());
    assertNull(form.selectFirst("input#overwrite"));
    assertEquals(303, resource.mark(UNIT, "u-anna", form(version, "release", false)).getStatus());

    verdict.set(new GradebookCheck.Verdict.NotOffered());
    assertEquals("not-offered", html(resource.form(UNIT, "u-anna", null)).selectFirst("[data-fact=gradebook-check]")
        .attr("data-check"));
    assertEquals(303, resource.mark(UNIT, "u-anna", form(version, "release", false)).getStatus());
  }

  private static MultivaluedMap<String, String> with(MultivaluedMap<String, String> form, String field, String value) {
    MultivaluedMap<String, String> copy = new MultivaluedHashMap<>();
    form.forEach((k, v) -> copy.put(k, new java.util.ArrayList<>(v)));
    copy.putSingle(field, value);
    return copy;
  }
}
