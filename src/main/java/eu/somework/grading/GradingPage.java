package eu.somework.grading;

import eu.somework.web.Messages;
import eu.somework.web.Templates;
import eu.somework.web.UiLanguage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The teacher's grading list of one unit ({@code grading/list.jte}): every student of the course
 * with where their reflection and grade stand and whether the gradebook has their score, a Retry
 * for a score the platform refused, "Release all graded drafts", and a summary (submissions,
 * released grades, their average and distribution as bars drawn with {@code <meter>}).
 */
final class GradingPage {
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  /** The distribution's bands, in percent of the maximum: 0–19, 20–39, 40–59, 60–79, 80–100. */
  static final int BANDS = 5;

  private GradingPage() {}

  /** Where one student's reflection and grade stand (the order is the list's legend order). */
  enum Status { NOT_STARTED, DRAFT, SUBMITTED, GRADED, RELEASED, NEEDS_REGRADE }

  /** One student as the roster knows them: platform user id and name, if the platform sent one. */
  record Student(String userId, Optional<String> name) {}

  /**
   * What the page shows. {@code rosterNote} (null: none) says that the platform's roster could not
   * be read, so the list may lack students who never opened the tool.
   */
  record View(UiLanguage language, Messages text, String title, String token, String action, String reflectionsUrl,
      Notice notice, List<Row> rows, Summary summary, boolean hasGradebook, int releasable, String rosterNote) {
    /** This view with a note that the roster was unreadable for {@code problem} (the platform's answer). */
    View withRosterProblem(Optional<String> problem) {
      return new View(language, text, title, token, action, reflectionsUrl, notice, rows, summary, hasGradebook,
          releasable, problem.map(p -> text.get("grading.rosterUnreadable", p)).orElse(null));
    }
  }

  /** A message above the list: {@code kind} is ok or error. */
  record Notice(String kind, String text) {}

  /**
   * One student's row. {@code retryEntry} is the id of a refused score (null: no Retry button);
   * {@code gradebookState} is the outbox state's name, or "none"; {@code checkText} warns that the
   * gradebook's grade was changed in the LMS (null: no warning).
   */
  record Row(String userId, String name, String href, Status status, String statusText, String points,
      String gradebookState, String gradebookText, String retryEntry, String checkText) {}

  /** The unit's summary; {@code bands} hold the released grades' distribution. */
  record Summary(int students, int submissions, int released, String average, List<Band> bands) {}

  /** One bar of the distribution: label, how many released grades fall in it, of how many. */
  record Band(String label, int count, int of) {}

  /** What the rows are built from, for one student. */
  record Facts(Student student, boolean submitted, boolean started, Optional<String> latestVersionId,
      Optional<Grade.View> grade, Optional<OutboxEntry.Snapshot> score) {}

  static Status status(Facts facts) {
    if (facts.grade().isPresent()) {
      Grade.View grade = facts.grade().get();
      if (facts.latestVersionId().isPresent() && !facts.latestVersionId().get().equals(grade.versionId())) {
        return Status.NEEDS_REGRADE;
      }
      return grade.released() ? Status.RELEASED : Status.GRADED;
    }
    if (facts.submitted()) {
      return Status.SUBMITTED;
    }
    return facts.started() ? Status.DRAFT : Status.NOT_STARTED;
  }

  /** The row's words for the gradebook column; empty when no score was ever queued. */
  static String gradebookText(Messages text, Optional<OutboxEntry.Snapshot> score) {
    if (score.isEmpty()) {
      return "";
    }
    OutboxEntry.Snapshot s = score.get();
    return switch (s.state()) {
      case DELIVERED -> text.get("grading.gradebook.DELIVERED");
      case PENDING -> text.get("grading.gradebook.PENDING", TIME.format(s.nextAttemptAt()));
      case FAILED -> text.get("grading.gradebook.FAILED", s.lastError().orElse(
          s.lastStatus().map(code -> "HTTP " + code).orElse("?")));
      case OUTDATED -> text.get("grading.gradebook.OUTDATED");
      case SUPERSEDED -> "";
    };
  }

  static View view(UiLanguage language, String unitTitle, GradingLinks links, List<Facts> students,
      boolean hasGradebook, Optional<Notice> notice) {
    return view(language, unitTitle, links, students, hasGradebook, notice, Map.of());
  }

  /** The list with the gradebook check's verdicts per student (see {@link GradebookCheck#checkAll}). */
  static View view(UiLanguage language, String unitTitle, GradingLinks links, List<Facts> students,
      boolean hasGradebook, Optional<Notice> notice, Map<String, GradebookCheck.Verdict> checks) {
    Messages text = Messages.of(language);
    List<Row> rows = new ArrayList<>();
    List<Double> releasedShares = new ArrayList<>();
    double releasedSum = 0;
    double maximum = 0;
    int submissions = 0;
    int releasable = 0;
    for (Facts facts : students) {
      Status status = status(facts);
      if (facts.submitted()) {
        submissions++;
      }
      if (status == Status.GRADED) {
        releasable++;
      }
      String points = facts.grade().map(g -> text.get("grading.points", Points.format(g.scoreGiven()),
          Points.format(g.scoreMaximum()))).orElse("");
      Optional<Grade.View> released = facts.grade().filter(Grade.View::released);
      if (released.isPresent()) {
        releasedSum += released.get().scoreGiven();
        maximum = released.get().scoreMaximum();
        releasedShares.add(released.get().scoreMaximum() == 0 ? 0 : released.get().scoreGiven()
            / released.get().scoreMaximum());
      }
      String retry = facts.score().filter(s -> s.state() == OutboxState.FAILED).map(OutboxEntry.Snapshot::id)
          .orElse(null);
      rows.add(new Row(facts.student().userId(), name(text, facts.student()),
          links.student(facts.student().userId()), status, text.get("grading.status." + status.name()), points,
          facts.score().map(s -> s.state().name()).orElse("none"), gradebookText(text, facts.score()), retry,
          checkText(text, checks.get(facts.student().userId()))));
    }
    String average = releasedShares.isEmpty() ? text.get("grading.noAverage")
        : text.get("grading.points", Points.format(Math.round(releasedSum / releasedShares.size() * 10) / 10.0),
            Points.format(maximum));
    Summary summary = new Summary(students.size(), submissions, releasedShares.size(), average,
        bands(text, releasedShares));
    return new View(language, text, text.get("grading.title", unitTitle), links.token(), links.list(),
        links.reflections(), notice.orElse(null), rows, summary, hasGradebook, releasable, null);
  }

  /** The row's warning when the gradebook's grade was changed in the LMS; null otherwise. */
  static String checkText(Messages text, GradebookCheck.Verdict verdict) {
    if (!(verdict instanceof GradebookCheck.Verdict.Changed changed)) {
      return null;
    }
    String sent = GradeFormPage.points(text, changed.sent());
    return changed.held().map(held -> text.get("grading.check.list", GradeFormPage.points(text, held), sent))
        .orElseGet(() -> text.get("grading.check.listNone", sent));
  }

  static String render(View view) {
    return Templates.render("grading/list.jte", view);
  }

  /** A student by name, or a placeholder naming the user id (platforms may send no name, e.g. Moodle's "Never"). */
  static String name(Messages text, Student student) {
    return student.name().orElse(text.get("grading.unnamed", student.userId()));
  }

  static List<Band> bands(Messages text, List<Double> shares) {
    int[] counts = new int[BANDS];
    for (double share : shares) {
      counts[Math.min(BANDS - 1, (int) Math.floor(share * BANDS))]++;
    }
    List<Band> bands = new ArrayList<>();
    int width = 100 / BANDS;
    for (int i = 0; i < BANDS; i++) {
      int upper = i == BANDS - 1 ? 100 : (i + 1) * width - 1;
      bands.add(new Band(text.get("grading.band", i * width, upper), counts[i], shares.size()));
    }
    return bands;
  }
}
