package eu.somework.bench;

import eu.somework.bench.Phase.Outcome;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Grading at course scale, against the tool started from its built jar: a course of N learners
 * (default 2,000) who each launched from the simulator and submitted a reflection on one graded
 * unit, all through HTTP as browsers do; then (1) the teacher's grading list of that unit read by
 * 1 and more teachers at once, and (2) R grades (default 500) marked and released through the
 * grade form, timed until the simulator's score endpoint has accepted every one of them, checked
 * against its gradebook: each released grade exactly once, with its points and feedback.
 *
 * <pre>
 * java -cp … eu.somework.bench.GradingLoad --jar target/somework.jar --port 48120 --data target/bench-grading-data
 *     --content module-content --learners 2000 --releases 500 --teachers 1,4 --list-requests 200
 * </pre>
 *
 * The learners are the simulator's generated ones ({@code sim-learner-1} …), who join its demo
 * course at their first launch. Prints Markdown and writes it to {@code --out}.
 */
public final class GradingLoad {
  private static final String UNIT = "data-protection";
  private static final String TEACHER = "sim-teacher-maria";
  /** The demo course's five fixed students: on the platform's roster, so on the list too (they write nothing). */
  private static final int DEMO_STUDENTS = 5;
  private static final Pattern LINK_RADIO = Pattern.compile("name=\"target\" id=\"t-(rl-[0-9a-f]{8})\"");
  private static final Pattern COUNT = Pattern.compile("<span data-kind=\"([^\"]+)\">[^<]* (\\d+)</span>");
  private static final Pattern RECEIVED = Pattern.compile(
      "<li><strong>([^<]+)</strong> [^<]*<span class=\"meta\">([^<]+)</span></li>");
  /** A row of the simulator's gradebook: learner, score, activity, grading, comment, timestamp (then its review cell). */
  private static final Pattern GRADE_ROW = Pattern.compile("<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>"
      + "<td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>");

  private final DriverArgs args;
  private final StringBuilder report = new StringBuilder();

  private GradingLoad(DriverArgs args) {
    this.args = args;
  }

  public static void main(String[] args) throws Exception {
    new GradingLoad(DriverArgs.parse(args)).run();
  }

  private void run() throws Exception {
    int port = args.integer("port", 48120);
    if (port == 8080 || port == 18080 || port == 18081 || port == 48080) {
      throw new IllegalArgumentException("port " + port + " belongs to other runs; use e.g. 48120");
    }
    int learners = args.integer("learners", 2000);
    int releases = Math.min(learners, args.integer("releases", 500));
    List<Integer> teacherCounts = Arrays.stream(args.text("teachers", "1,4").split(","))
        .map(String::trim).map(Integer::parseInt).toList();
    Path out = Path.of(args.text("out", "target/grading-result.md"));
    List<String> jvm = List.of(args.text("jvm", "-Xmx768m").split(" "));
    line("## Grading run " + Instant.now() + " — JDK " + System.getProperty("java.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " cores; " + learners + " learners, " + releases
        + " releases; tool JVM " + jvm);
    try (ToolProcess tool = ToolProcess.start(Path.of(args.required("jar")), port, Path.of(args.required("data")).toAbsolutePath(),
        Path.of(args.required("content")).toAbsolutePath(), jvm)) {
      Duration started = tool.awaitReady(Duration.ofSeconds(240));
      line("Tool (pid " + tool.pid() + ") answered after " + started.toMillis() + " ms; load " + Machine.loadAverage());
      LaunchFlow flow = new LaunchFlow(tool.baseUrl);
      String link = placeGradedUnit(tool, flow);
      setUpCourse(tool, flow, link, learners);
      awaitScores(tool, learners, "the " + learners + " submissions (Submitted / PendingManual)");
      listRounds(tool, flow, link, learners, teacherCounts);
      releaseRound(tool, flow, link, learners, releases);
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report.toString());
    System.out.println("\nWritten to " + out.toAbsolutePath());
  }

  /** The teacher adds the unit as a graded activity through Deep Linking; returns the new link's id. */
  private String placeGradedUnit(ToolProcess tool, LaunchFlow flow) throws Exception {
    LoadBrowser teacher = new LoadBrowser();
    LaunchFlow.Result catalogue = flow.launch(teacher, TEACHER, "deep-linking");
    URI answer = URI.create(tool.baseUrl + "/app/deep-linking");
    LoadBrowser.Page toPlatform = teacher.post(answer, Map.of("s", catalogue.sessionToken(), "action", "add",
        "unit", UNIT, "graded", UNIT));
    expect(toPlatform, 200, "the deep-linking answer");
    Map.Entry<URI, Map<String, String>> form = LoadBrowser.form(toPlatform);
    LoadBrowser.Page added = teacher.post(form.getKey(), form.getValue());
    expect(added, 200, "the simulator's deep-linking return");
    Matcher radio = LINK_RADIO.matcher(simulatorPage(tool).body());
    if (!radio.find()) {
      throw new IllegalStateException("the simulator shows no activity for " + UNIT);
    }
    line("Graded activity " + radio.group(1) + " placed for unit " + UNIT + ".");
    return radio.group(1);
  }

  /** Every learner launches the graded activity and submits a reflection; a few at a time. */
  private void setUpCourse(ToolProcess tool, LaunchFlow flow, String link, int learners) throws Exception {
    int threads = args.integer("setup-threads", 4);
    List<LoadBrowser> browsers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      browsers.add(new LoadBrowser());
    }
    Latencies launches = new Latencies();
    Latencies submits = new Latencies();
    AtomicInteger next = new AtomicInteger(1);
    URI editor = URI.create(tool.baseUrl + "/app/units/" + UNIT + "/reflection");
    long serverCpu = Machine.serverCpuNanos(tool);
    Outcome o = Phase.run(browsers, learners, args.integer("setup-seconds", 1800), (i, browser) -> {
      int n = next.getAndIncrement();
      LaunchFlow.Result launched = flow.launch(browser, "sim-learner-" + n, link);
      launches.record(launched.totalNanos());
      long start = System.nanoTime();
      LoadBrowser.Page saved = browser.post(editor, Map.of("s", launched.sessionToken(), "html", reflection(n),
          "visibility", "PRIVATE", "action", "submit"));
      submits.record(System.nanoTime() - start);
      expect(saved, 303, "the reflection's submit");
      return null;
    });
    if (launches.count() < learners || o.failures() > 0) {
      throw new IllegalStateException("set-up incomplete: " + submits.count() + " of " + learners
          + " learners submitted" + o.firstFailure());
    }
    line("");
    line("### Set-up: " + learners + " learners launch and submit a reflection");
    line(String.format("%d learners in %.1f s by %d threads; tool CPU %.2f cores; load %s", learners, o.seconds(),
        threads, (Machine.serverCpuNanos(tool) - serverCpu) / 1e9 / o.seconds(), Machine.loadAverage()));
    line("");
    line(Latencies.header());
    line(launches.row("whole launch (7 requests)"));
    line(submits.row("POST …/reflection (submit)"));
  }

  /** The grading list, read by 1, then more teachers at once, each with their own launch. */
  private void listRounds(ToolProcess tool, LaunchFlow flow, String link, int learners, List<Integer> teacherCounts)
      throws Exception {
    int most = teacherCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
    List<LoadBrowser> browsers = new ArrayList<>();
    String[] tokens = new String[most];
    for (int i = 0; i < most; i++) {
      browsers.add(new LoadBrowser());
      tokens[i] = flow.launch(browsers.get(i), TEACHER, link).sessionToken();
    }
    URI list = URI.create(tool.baseUrl + "/app/grading/" + UNIT + "?s=");
    int[] size = new int[1];
    LoadBrowser.Page first = readList(browsers.get(0), list, tokens[0], learners);
    size[0] = first.body().getBytes(StandardCharsets.UTF_8).length;
    Latencies warm = new Latencies();
    long warmStart = System.nanoTime();
    Phase.run(browsers.subList(0, 1), args.integer("list-warmup", 30), 300, (i, browser) -> {
      long start = System.nanoTime();
      readList(browser, list, tokens[i], learners);
      warm.record(System.nanoTime() - start);
      return null;
    });
    line("");
    line("### The grading list of " + learners + " learners (`GET /app/grading/" + UNIT + "`)");
    line(String.format("Page: %,d bytes of HTML, %d rows (the demo course's 5 fixed students too). Warm-up: %d reads by one teacher in %.1f s "
            + "(first %.0f ms, last %.0f ms), not counted.", size[0], learners + DEMO_STUDENTS, warm.count(),
        (System.nanoTime() - warmStart) / 1e9, warm.first() / 1e6, warm.last() / 1e6));
    line("");
    line("| teachers at once | reads | requests/s | mean ms | p50 ms | p95 ms | p99 ms | max ms | tool CPU | load |");
    line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (int teachers : teacherCounts) {
      Latencies reads = new Latencies();
      String loadBefore = Machine.loadAverage();
      long serverCpu = Machine.serverCpuNanos(tool);
      Outcome o = Phase.run(browsers.subList(0, teachers), args.integer("list-requests", 200), args.integer("seconds", 120),
          (i, browser) -> {
            long start = System.nanoTime();
            readList(browser, list, tokens[i], learners);
            reads.record(System.nanoTime() - start);
            return null;
          });
      line(String.format("| %d | %d%s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f cores | %s → %s |", teachers,
          reads.count(), o.failures() == 0 ? "" : " (" + o.failures() + " failed)", reads.count() / o.seconds(),
          reads.meanMillis(), reads.percentileMillis(50), reads.percentileMillis(95), reads.percentileMillis(99),
          reads.percentileMillis(100), (Machine.serverCpuNanos(tool) - serverCpu) / 1e9 / o.seconds(), loadBefore,
          Machine.loadAverage()));
    }
  }

  private static LoadBrowser.Page readList(LoadBrowser browser, URI list, String token, int learners)
      throws Exception {
    LoadBrowser.Page page = browser.get(URI.create(list + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    expect(page, 200, "the grading list");
    int rows = count(page.body(), "<tr data-user=");
    if (rows != learners + DEMO_STUDENTS) {
      throw new IllegalStateException("the grading list shows " + rows + " learners instead of "
          + (learners + DEMO_STUDENTS));
    }
    return page;
  }

  /**
   * One teacher marks and releases learners 1…R through the grade form as a browser does (open the
   * form, choose a level per criterion, write feedback, release), then waits until the simulator's
   * gradebook holds all R.
   */
  private void releaseRound(ToolProcess tool, LaunchFlow flow, String link, int learners, int releases)
      throws Exception {
    LoadBrowser teacher = new LoadBrowser();
    String token = flow.launch(teacher, TEACHER, link).sessionToken();
    boolean follow = Boolean.parseBoolean(args.text("follow-redirect", "false"));
    Latencies forms = new Latencies();
    Latencies posts = new Latencies();
    Latencies after = new Latencies();
    Map<String, String> expected = new LinkedHashMap<>();
    String loadBefore = Machine.loadAverage();
    long serverCpu = Machine.serverCpuNanos(tool);
    long first = System.currentTimeMillis();
    long start = System.nanoTime();
    for (int n = 1; n <= releases; n++) {
      String user = "sim-learner-" + n;
      URI path = URI.create(tool.baseUrl + "/app/grading/" + UNIT + "/" + user);
      long t = System.nanoTime();
      LoadBrowser.Page formPage = teacher.get(URI.create(path + "?s=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
      forms.record(System.nanoTime() - t);
      expect(formPage, 200, "the grade form");
      Document form = Jsoup.parse(formPage.body());
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("s", token);
      fields.put("version", form.selectFirst("input[name=version]").attr("value"));
      // a level per criterion that varies with the learner, so every score is checked for its own points
      Map<String, List<Element>> levels = new LinkedHashMap<>();
      for (Element radio : form.select("input[type=radio]")) {
        levels.computeIfAbsent(radio.attr("name"), k -> new ArrayList<>()).add(radio);
      }
      int points = 0;
      int c = 0;
      for (Map.Entry<String, List<Element>> criterion : levels.entrySet()) {
        List<Element> choices = criterion.getValue();
        Element chosen = choices.get((n + c++) % choices.size());
        fields.put(criterion.getKey(), chosen.attr("value"));
        points += Integer.parseInt(chosen.attr("value"));
      }
      String feedback = "Benchmark feedback for learner " + n + ".";
      fields.put("feedback", feedback);
      fields.put("action", "release");
      t = System.nanoTime();
      LoadBrowser.Page released = teacher.post(path, fields);
      posts.record(System.nanoTime() - t);
      expect(released, 303, "the release");
      if (follow) {
        t = System.nanoTime();
        expect(teacher.get(released.redirectTarget()), 200, "the form after the release");
        after.record(System.nanoTime() - t);
      }
      expected.put("Learner " + n, points + " | Completed | FullyGraded | " + feedback);
    }
    double releaseSeconds = (System.nanoTime() - start) / 1e9;
    double releaseCpu = (Machine.serverCpuNanos(tool) - serverCpu) / 1e9 / releaseSeconds;
    String loadAfterReleases = Machine.loadAverage();
    Gradebook book = awaitScores(tool, learners + releases, releases + " released grades (FullyGraded)");
    long lastAccepted = book.lastScore().toEpochMilli();
    // the gradebook's values, learner by learner
    int right = 0;
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String held = book.rows().get(e.getKey());
      String want = e.getValue();
      String[] parts = want.split(" \\| ", 2);
      String heldText = held == null ? "none" : held;
      if (held != null && held.startsWith(parts[0] + " / ") && held.endsWith(parts[1])) {
        right++;
      } else if (wrong.size() < 3) {
        wrong.add(e.getKey() + ": " + heldText + " (expected " + want + ")");
      }
    }
    // the tool's own view: every score's outbox state as the teacher's list shows it (FAILED: refused)
    Map<String, Integer> states = new java.util.TreeMap<>();
    Matcher state = Pattern.compile("data-gradebook=\"([A-Za-z_]+)\"").matcher(
        readList(teacher, URI.create(tool.baseUrl + "/app/grading/" + UNIT + "?s="), token, learners).body());
    while (state.find()) {
      states.merge(state.group(1), 1, Integer::sum);
    }
    String toolStates = states.toString();
    long fullyGraded = book.rows().values().stream().filter(r -> r.contains("| FullyGraded |")).count();
    long pending = book.rows().values().stream().filter(r -> r.contains("| PendingManual |")).count();
    line("");
    line("### " + releases + " grades released one by one by a teacher, until the gradebook holds them");
    line(String.format("Releases took %.1f s (%.1f releases/s, tool CPU %.2f cores, load %s → %s). The last score "
            + "was accepted %.1f s after the first release started and %.1f s after the last release answered: "
            + "**%.1f scores/s end to end**.", releaseSeconds, releases / releaseSeconds, releaseCpu, loadBefore,
        loadAfterReleases, (lastAccepted - first) / 1e3, (lastAccepted - first) / 1e3 - releaseSeconds,
        releases / ((lastAccepted - first) / 1e3)));
    line(String.format("Simulator gradebook: %d scores held, %d FullyGraded, %d still Submitted/PendingManual; "
            + "%d of %d released grades with the right points and feedback%s. Score requests accepted in all: %d "
            + "(= %d submissions + %d releases: %d duplicates), ignored as not newer: %d. The tool's list: %s.",
        book.rows().size(), fullyGraded, pending, right, releases, wrong.isEmpty() ? "" : " — wrong: " + wrong,
        book.accepted(), learners, releases, book.accepted() - learners - releases, book.ignored(), toolStates));
    line("");
    line(Latencies.header());
    line(forms.row("GET …/{userId} (grade form)"));
    line(posts.row("POST …/{userId} (release)"));
    if (follow) {
      line(after.row("GET form after the release"));
    }
    if (right != releases || fullyGraded != releases || book.accepted() != learners + releases
        || book.ignored() != 0 || states.getOrDefault("DELIVERED", 0) != learners) {
      throw new IllegalStateException("the gradebook does not hold exactly the released grades; see above");
    }
  }

  /** What the simulator's page shows of its gradebook and of what it received. */
  record Gradebook(Map<String, String> rows, long accepted, long ignored, Instant lastScore) {}

  /** Polls the simulator's page until it has accepted {@code scores} score requests in all. */
  private Gradebook awaitScores(ToolProcess tool, int scores, String what) throws Exception {
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(args.integer("delivery-seconds", 900)).toNanos();
    Latencies polls = new Latencies();
    while (true) {
      long t = System.nanoTime();
      Gradebook book = gradebook(tool);
      polls.record(System.nanoTime() - t);
      if (book.accepted() >= scores) {
        line(String.format("%nThe simulator accepted %s (%d score requests in all) %.1f s after the driver started "
                + "waiting; %d polls of its page, %.0f ms each (p50).", what, book.accepted(),
            (System.nanoTime() - start) / 1e9, polls.count(), polls.percentileMillis(50)));
        return book;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the simulator accepted only " + book.accepted() + " of " + scores
            + " score requests");
      }
      Thread.sleep(args.integer("poll-millis", 1000));
    }
  }

  private static Gradebook gradebook(ToolProcess tool) throws Exception {
    String page = simulatorPage(tool).body();
    Map<String, Long> counts = new HashMap<>();
    Matcher c = COUNT.matcher(page);
    while (c.find()) {
      counts.put(c.group(1), Long.parseLong(c.group(2)));
    }
    Map<String, String> rows = new LinkedHashMap<>();
    Matcher r = GRADE_ROW.matcher(page);
    while (r.find()) {
      rows.put(r.group(1), r.group(2) + " | " + r.group(3) + " | " + r.group(4) + " | " + r.group(5));
    }
    Instant last = Instant.EPOCH;
    Matcher received = RECEIVED.matcher(page);
    while (received.find()) {
      if (received.group(1).equals("Score")) {
        last = Instant.parse(received.group(2)); // newest first
        break;
      }
    }
    return new Gradebook(rows, counts.getOrDefault("Score", 0L), counts.getOrDefault("Score IGNORED", 0L), last);
  }

  private static LoadBrowser.Page simulatorPage(ToolProcess tool) throws Exception {
    LoadBrowser.Page page = new LoadBrowser().get(URI.create(tool.baseUrl + "/simulator"));
    expect(page, 200, "the simulator page");
    return page;
  }

  /** A reflection of about 350 words (the unit asks for 300–500), different per learner. */
  static String reflection(int n) {
    String[] sentences = {
        "At the clinic where I work, learner " + n + ", a colleague posted photos from our summer event.",
        "Two clients were visible in the background, and one of them wore a badge with her full name.",
        "Under data minimisation we should share only what the purpose needs, and the purpose was to thank the team.",
        "Purpose limitation also applies: the photos were taken for the staff newsletter, not for a public page.",
        "From the point of view of information security, the account was shared by five people with one password.",
        "Nobody could say who had posted the picture, so accountability was weak as well.",
        "I will ask for consent before I take photos at events, and crop or blur anyone who did not give it.",
        "I will also suggest that we move the page to named accounts with two-factor authentication."};
    StringBuilder html = new StringBuilder();
    int words = 0;
    for (int p = 0; words < 350; p++) {
      StringBuilder paragraph = new StringBuilder();
      for (int s = 0; s < 4; s++) {
        String sentence = sentences[(n + p * 4 + s) % sentences.length];
        paragraph.append(sentence).append(' ');
        words += sentence.split(" ").length;
      }
      html.append("<p>").append(paragraph.toString().trim()).append("</p>");
    }
    return html.toString();
  }
  private static void expect(LoadBrowser.Page page, int status, String what) {
    if (page.status() != status) {
      throw new IllegalStateException(what + " answered HTTP " + page.status() + " instead of " + status + ": "
          + HopTimes.abbreviate(page.body()));
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  private void line(String text) {
    System.out.println(text);
    report.append(text).append('\n');
  }
}
