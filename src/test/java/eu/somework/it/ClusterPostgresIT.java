package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import eu.somework.testsupport.JdbcDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances on one PostgreSQL database act as one tool (docs/cluster.md): instance A is the
 * Arquillian server, instance B the runnable jar ({@link SecondInstance}); both have A's URL as
 * their public base URL, as two instances behind one reverse proxy have the proxy's. The test's
 * browsers keep cookies per host, not per port, as real browsers do, so a browser moves between
 * the instances as a proxy would move it. The last test kills B with SIGKILL under load.
 */
@ExtendWith({PostgresDatabase.class, ArquillianExtension.class})
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterPostgresIT {
  private static final String A = MockPlatforms.TOOL;
  private static final String B = SecondInstance.URL;
  private static final String UNIT = "data-protection";
  private static final String EDITOR = "/app/units/" + UNIT + "/reflection";
  private static final String GRADING = "/app/grading/" + UNIT + "/";
  private static final Pattern TOKEN = Pattern.compile("[?&]s=([^&\"]+)");
  private static final Duration DELIVERY_LIMIT = Duration.ofSeconds(60);
  /** How long B may take to see a registration change made on A (its change feed: milliseconds). */
  private static final Duration SEEN_BY_B = Duration.ofSeconds(2);
  /** The instances' change-feed connections to this test's database (RegistrationFeed). */
  private static final String FEEDS = "datname = current_database() AND application_name = 'somework change feed'";
  private static SecondInstance second;

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  /** Instance B, started once the Arquillian server (A) has migrated the database. */
  private static synchronized SecondInstance b() throws Exception {
    if (second == null) {
      second = SecondInstance.start();
    }
    assertTrue(second.alive(), "instance B runs");
    return second;
  }

  @AfterAll
  static void stopB() throws InterruptedException {
    if (second != null && second.alive()) {
      second.kill();
    }
  }

  @Test
  @Order(0)
  void wrongAdministratorTokensOnBothInstancesAddUpToOneLockOut() throws Exception {
    b();
    int portA = URI.create(A).getPort();
    String wrong = "Authorization: Bearer wrong-token-cluster-0123456789abcdef0123\r\n";
    String from = "127.0.0.21"; // an address of its own: the lock-out lasts 15 minutes in the database
    for (int i = 0; i < 5; i++) {
      assertEquals(401, RawHttp.get(portA, from, "/admin/api/registrations", wrong).status());
      assertEquals(401, RawHttp.get(SecondInstance.PORT, from, "/admin/api/registrations", wrong).status());
    }
    // ten failures, five on each instance: counted per instance, neither would have locked out yet
    RawHttp.Answer onA = RawHttp.get(portA, from, "/admin/api/registrations", wrong);
    assertEquals(429, onA.status(), onA.text());
    RawHttp.Answer signInOnB = RawHttp.postForm(SecondInstance.PORT, from, "/admin/sign-in", "",
        "user=admin&password=" + AdminConsoleChecks.PASSWORD);
    assertEquals(429, signInOnB.status(), "also the right password, on the other instance: " + signInOnB.text());
    assertEquals(401, RawHttp.get(SecondInstance.PORT, "127.0.0.22", "/admin/api/registrations", wrong).status(),
        "another address is not locked out");
  }

  @Test
  @Order(1)
  void aLoginStartedOnACompletesOnB() throws Exception {
    b();
    Browser browser = new Browser().sharingCookiesAcrossPorts();
    LtiLogin login = LtiLogin.start(A, browser, "b", "client-b", "1");
    Browser.Page launched = login.launch(browser, B, signed("b", "client-b", "1", login.nonce(), "u-cluster-ab", "Learner"));
    assertEquals(303, launched.status(), launched.body());
    Member student = member(browser, launched);
    Browser.Page onB = student.get(B, "/app");
    assertEquals(200, onB.status(), onB.body());
    assertEquals("Student", onB.fact("role"));
    assertEquals(200, student.get(A, "/app").status(), "the session is as good on A");
  }

  @Test
  @Order(2)
  void aNonceUsedOnAIsRefusedOnB() throws Exception {
    b();
    Browser browser = new Browser().sharingCookiesAcrossPorts().acceptJson();
    LtiLogin login = LtiLogin.start(A, browser, "b", "client-b", "1");
    String token = signed("b", "client-b", "1", login.nonce(), "u-cluster-nonce", "Learner");
    String cookie = "somework_login_" + login.state().substring(0, 16);
    String value = browser.cookie("localhost", cookie);
    assertEquals(303, login.launch(browser, A, token).status());
    browser.setCookie("localhost", cookie, value); // the accepted launch removed it: a replay brings it back
    Browser.Page replayed = login.launch(browser, B, token);
    assertEquals(401, replayed.status(), replayed.body());
    assertEquals("NONCE_REPLAYED", replayed.jsonField("error"), replayed.body());
  }

  @Test
  @Order(3)
  void theOutboxIsDrainedOncePerAttemptAcrossInstances() throws Exception {
    b();
    String course = "cluster-drain";
    MockGradebook gradebook = MockPlatforms.get().gradebook();
    String lineItem = gradebook.openLineItem(course, "Reflection", 14);
    int students = 6;
    Member teacher = launch(B, course, lineItem, "u-drain-teacher", "Instructor");
    List<String> users = new ArrayList<>();
    for (int i = 0; i < students; i++) {
      String instance = i % 2 == 0 ? A : B;
      String user = "u-drain-" + i;
      users.add(user);
      submit(launch(instance, course, lineItem, user, "Learner"), instance);
    }
    // each submission's score first, so no release supersedes one still waiting
    gradebook.awaitScores(course, students, DELIVERY_LIMIT);
    for (int i = 0; i < students; i++) {
      assertEquals(303, release(teacher, i % 2 == 0 ? B : A, users.get(i)).status());
    }
    gradebook.awaitScores(course, 2 * students, DELIVERY_LIMIT);
    awaitNothingPending(course);
    Map<String, Long> perScore = gradebook.scores(course).stream()
        .collect(Collectors.groupingBy(s -> s.userId() + " " + s.gradingProgress(), Collectors.counting()));
    assertEquals(2 * students, perScore.size(), "a submission and a release per student: " + perScore);
    assertTrue(perScore.values().stream().allMatch(n -> n == 1), "none twice: " + perScore);
    assertEquals(students, gradebook.scores(course).stream().filter(s -> "FullyGraded".equals(s.gradingProgress()))
        .count(), students + " released grades, as many deliveries");
  }

  @Test
  @Order(4)
  void aKeyRotationOnAIsSeenByBAtOnce() throws Exception {
    b();
    Set<String> before = kids(B);
    assertEquals(kids(A), before, "one key set for both instances");
    // the next key has been published for longer than the overlap, so the rotation is due at once (and
    // a rotation another test class asked for earlier on this server no longer waits for its later time)
    update("UPDATE signing_key SET created_at = created_at - INTERVAL '2 hours', activate_at = NULL"
        + " WHERE owner = 'tool' AND status = 'NEXT'");
    Map<String, Object> rotation = JSONObjectUtils.parse(admin(A, "POST", "/keys/rotation", 202));
    String next = nextKey(A);
    assertEquals(rotation.get("activateAt"), keyField(B, next, "activateAt"), "B lists the rotation A scheduled");
    // whichever instance's rotation job runs first promotes it; the new next key then shows on both
    MockGradebook.await(() -> kids(B), kids -> !before.containsAll(kids), Duration.ofSeconds(75),
        "B's key set to publish the key the rotation made");
    assertEquals(kids(B), kids(A), "A and B publish the same keys");
    assertEquals("CURRENT", keyField(B, next, "status"), "the rotated key signs on B");
  }

  @Test
  @Order(5)
  void aRegistrationSwitchedOffOnAStopsLaunchesAndOpenSessionsOnBAtOnce() throws Exception {
    b();
    Browser browser = new Browser().sharingCookiesAcrossPorts();
    LtiLogin login = LtiLogin.start(B, browser, "b", "client-b", "1");
    Member student = member(browser, login.launch(browser, B,
        signed("b", "client-b", "1", login.nonce(), "u-cluster-off", "Learner")));
    assertEquals(200, student.get(B, "/app").status());
    String id = registrationId("client-b");
    admin(A, "POST", "/registrations/" + id + "/disable", 200);
    try {
      MockGradebook.await(() -> student.get(B, "/app").status(), status -> status == 403, SEEN_BY_B,
          "the open session on B to end once B's change feed has seen the switch-off");
      Browser.Page refused = LtiLogin.start(B, new Browser().sharingCookiesAcrossPorts().acceptJson(), "b",
          "client-b", "1").answer();
      assertEquals(403, refused.status(), refused.body());
      assertEquals("REGISTRATION_DISABLED", refused.jsonField("error"), refused.body());
    } finally {
      admin(A, "POST", "/registrations/" + id + "/enable", 200);
    }
    MockGradebook.await(() -> student.get(B, "/app").status(), status -> status == 200, SEEN_BY_B,
        "switched on again on A: the session admitted on B");
  }

  @Test
  @Order(6)
  void aSwitchOffOnAHoldsOnBAlsoWhenBsChangeFeedWasCutOffAndTheFeedComesBack() throws Exception {
    b();
    Browser browser = new Browser().sharingCookiesAcrossPorts();
    LtiLogin login = LtiLogin.start(B, browser, "b", "client-b", "1");
    Member student = member(browser, login.launch(browser, B,
        signed("b", "client-b", "1", login.nonce(), "u-cluster-feed-cut", "Learner")));
    assertEquals(200, student.get(B, "/app").status());
    assertEquals(2, count("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE " + FEEDS),
        "A's and B's change feed connections, cut");
    String id = registrationId("client-b");
    admin(A, "POST", "/registrations/" + id + "/disable", 200);
    try {
      // B reads the generation per request while its feed is down, or has its feed back
      MockGradebook.await(() -> student.get(B, "/app").status(), status -> status == 403, SEEN_BY_B,
          "the open session on B to end although B's change feed was cut");
    } finally {
      admin(A, "POST", "/registrations/" + id + "/enable", 200);
    }
    MockGradebook.await(() -> count("SELECT COUNT(*) FROM pg_stat_activity WHERE " + FEEDS), n -> n == 2,
        Duration.ofSeconds(10), "A's and B's change feeds to connect again by themselves");
    MockGradebook.await(() -> student.get(B, "/app").status(), status -> status == 200, SEEN_BY_B,
        "switched on again on A: the session admitted on B");
  }

  @Test
  @Order(7)
  void killingBUnderLaunchAndGradingLoadLosesNothingCommittedAndASendsItsScores() throws Exception {
    b();
    String course = "cluster-kill";
    MockGradebook gradebook = MockPlatforms.get().gradebook();
    String lineItem = gradebook.openLineItem(course, "Reflection", 14);
    Set<String> submitted = new ConcurrentSkipListSet<>();
    Set<String> released = new ConcurrentSkipListSet<>();
    AtomicBoolean killed = new AtomicBoolean();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      int worker = t;
      Member teacher = launch(B, course, lineItem, "u-kill-teacher-" + t, "Instructor");
      Thread thread = new Thread(() -> {
        // bounded: at most 40 students each; ends at B's death (a refused connection or an error answer)
        for (int i = 0; i < 40; i++) {
          String user = "u-kill-" + worker + "-" + i;
          try {
            Member student = launch(B, course, lineItem, user, "Learner");
            if (submitOn(student, B) != 303) {
              return;
            }
            submitted.add(user);
            if (release(teacher, B, user).status() != 303) {
              return;
            }
            released.add(user);
          } catch (Exception | AssertionError deadOrDying) {
            if (!killed.get()) {
              System.err.println("load worker " + worker + " stopped before the kill: " + deadOrDying);
            }
            return;
          }
        }
      }, "load-" + t);
      thread.start();
      workers.add(thread);
    }
    MockGradebook.await(released::size, n -> n >= 6 || workers.stream().noneMatch(Thread::isAlive),
        Duration.ofSeconds(120), "six grades released on B");
    killed.set(true);
    second.kill();
    for (Thread w : workers) {
      w.join(Duration.ofSeconds(60).toMillis());
    }
    long claimedAtKill = count("SELECT COUNT(*) FROM score_outbox WHERE resource_link_id = ? AND state = 'PENDING'"
        + " AND claimed_until > CURRENT_TIMESTAMP", "link-" + course);
    long pendingAtKill = count("SELECT COUNT(*) FROM score_outbox WHERE resource_link_id = ? AND state = 'PENDING'",
        "link-" + course);
    assertTrue(released.size() >= 6, "the load released grades before the kill: " + released);

    awaitNothingPending(course); // A takes over: B's claims lapse after 10 s
    Set<String> inDatabase = strings("SELECT r.user_id FROM reflection r JOIN reflection_version v"
        + " ON v.reflection_id = r.id WHERE r.context_id = ?", course);
    assertTrue(inDatabase.containsAll(submitted), "every reflection B confirmed is stored");
    Set<String> graded = strings("SELECT user_id FROM grade WHERE context_id = ? AND released", course);
    assertTrue(graded.containsAll(released), "every grade B confirmed is stored");
    List<MockGradebook.ReceivedScore> scores = gradebook.scores(course);
    Set<String> fullyGraded = scores.stream().filter(s -> "FullyGraded".equals(s.gradingProgress()))
        .map(MockGradebook.ReceivedScore::userId).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(graded, fullyGraded, "every stored grade reached the gradebook, and nothing else");
    Set<String> scored = scores.stream().map(MockGradebook.ReceivedScore::userId).collect(Collectors.toSet());
    assertTrue(scored.containsAll(inDatabase), "every stored reflection's score reached the gradebook");
    Map<String, Long> perScore = scores.stream()
        .collect(Collectors.groupingBy(s -> s.userId() + " " + s.gradingProgress(), Collectors.counting()));
    long twice = perScore.values().stream().mapToLong(n -> n - 1).sum();
    assertTrue(twice <= claimedAtKill, "only an attempt cut short by the kill may be sent again: " + twice
        + " repeated, " + claimedAtKill + " claimed at the kill");
    System.out.println("ClusterPostgresIT kill -9: confirmed to clients " + submitted.size() + " reflections, "
        + released.size() + " grades; stored " + inDatabase.size() + " reflections, " + graded.size()
        + " released grades; " + pendingAtKill + " score(s) waiting and " + claimedAtKill
        + " claimed at the kill; gradebook received " + scores.size() + " score(s), " + twice + " again");
  }

  // --- the instances as a platform, a browser and an administrator reach them ---

  /** A session in the tool: the browser that holds its cookie, and its token. */
  record Member(Browser browser, String token) {
    Browser.Page get(String instance, String path) throws Exception {
      return browser.get(instance + path + "?s=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    Browser.Page post(String instance, String path, Map<String, String> fields) throws Exception {
      Map<String, String> form = new LinkedHashMap<>(fields);
      form.put("s", token);
      return browser.post(instance + path, form);
    }
  }

  private static String signed(String platform, String clientId, String deployment, String nonce, String user,
      String role) throws IOException {
    return MockPlatforms.sign(MockPlatforms.get().key(platform),
        MockPlatforms.resourceLinkLaunch(platform, clientId, deployment, nonce, user, role).build());
  }

  private static Member member(Browser browser, Browser.Page launched) {
    assertEquals(303, launched.status(), launched.body());
    Matcher token = TOKEN.matcher(launched.header("Location"));
    assertTrue(token.find(), launched.header("Location"));
    return new Member(browser, URLDecoder.decode(token.group(1), StandardCharsets.UTF_8));
  }

  /** Login and launch on {@code instance} of the graded activity of the platform with a gradebook. */
  private static Member launch(String instance, String course, String lineItem, String user, String role)
      throws Exception {
    Browser browser = new Browser().sharingCookiesAcrossPorts();
    LtiLogin login = LtiLogin.start(instance, browser, MockGradebook.PLATFORM, MockGradebook.CLIENT_ID,
        MockGradebook.DEPLOYMENT_ID);
    assertEquals(302, login.answer().status(), login.answer().body());
    JWTClaimsSet claims = MockPlatforms.resourceLinkLaunch(MockGradebook.PLATFORM, MockGradebook.CLIENT_ID,
            MockGradebook.DEPLOYMENT_ID, login.nonce(), user, role)
        .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", course, "title", "Course " + course))
        .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "link-" + course,
            "title", "Reflection"))
        .claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("unit", UNIT))
        .claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of(
            "scope", List.of(MockGradebook.SCOPE_SCORE), "lineitem", lineItem))
        .build();
    return member(browser, login.launch(browser, instance,
        MockPlatforms.sign(MockPlatforms.get().key(MockGradebook.PLATFORM), claims)));
  }

  private static void submit(Member student, String instance) throws Exception {
    assertEquals(303, submitOn(student, instance));
  }

  private static int submitOn(Member student, String instance) throws Exception {
    return student.post(instance, EDITOR, Map.of("html", "<p>My reflection, written on one instance.</p>",
        "visibility", "PRIVATE", "action", "submit")).status();
  }

  /** The teacher releases the student's reflection with every criterion at its top level. */
  private static Browser.Page release(Member teacher, String instance, String user) throws Exception {
    Browser.Page page = teacher.get(instance, GRADING + user);
    if (page.status() != 200) {
      return page;
    }
    Document form = Jsoup.parse(page.body());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("version", form.selectFirst("input[name=version]").attr("value"));
    for (var radio : form.select("fieldset.criterion input[type=radio]")) {
      fields.put(radio.attr("name"), radio.attr("value")); // the last of a group is its top level
    }
    fields.put("feedback", "Well argued.");
    fields.put("action", "release");
    return teacher.post(instance, GRADING + user, fields);
  }

  private static String admin(String instance, String method, String path, int expected) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(instance + "/admin/api" + path))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .header("Authorization", "Bearer " + AdminApi.TOKEN).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(expected, answer.statusCode(), method + " " + instance + path + ": " + answer.body());
    return answer.body();
  }

  private static String registrationId(String clientId) throws Exception {
    Map<String, Object> listed = JSONObjectUtils.parse(admin(A, "GET", "/registrations", 200));
    return Arrays.stream(JSONObjectUtils.getJSONObjectArray(listed, "registrations"))
        .filter(r -> clientId.equals(r.get("clientId"))).map(r -> String.valueOf(r.get("id")))
        .findFirst().orElseThrow();
  }

  private static Set<String> kids(String instance) throws Exception {
    Browser.Page jwks = new Browser().get(instance + "/.well-known/jwks.json");
    assertEquals(200, jwks.status());
    return Arrays.stream(JSONObjectUtils.getJSONObjectArray(JSONObjectUtils.parse(jwks.body()), "keys"))
        .map(k -> (String) k.get("kid")).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String nextKey(String instance) throws Exception {
    return Arrays.stream(JSONObjectUtils.getJSONObjectArray(JSONObjectUtils.parse(admin(instance, "GET", "/keys", 200)),
        "keys")).filter(k -> "NEXT".equals(k.get("status"))).map(k -> (String) k.get("kid")).findFirst().orElseThrow();
  }

  private static Object keyField(String instance, String kid, String field) throws Exception {
    return Arrays.stream(JSONObjectUtils.getJSONObjectArray(JSONObjectUtils.parse(admin(instance, "GET", "/keys", 200)),
        "keys")).filter(k -> kid.equals(k.get("kid"))).map(k -> k.get(field)).findFirst().orElseThrow();
  }

  private static void awaitNothingPending(String course) throws Exception {
    MockGradebook.await(() -> count("SELECT COUNT(*) FROM score_outbox WHERE resource_link_id = ?"
            + " AND state = 'PENDING'", "link-" + course), n -> n == 0, DELIVERY_LIMIT,
        "no score of " + course + " waiting in the outbox");
  }

  private static long count(String sql, Object... parameters) throws Exception {
    return Long.parseLong(PostgresDatabase.rows(sql, parameters).get(0).get(0));
  }

  private static Set<String> strings(String sql, Object... parameters) throws Exception {
    return PostgresDatabase.rows(sql, parameters).stream().map(row -> row.get(0))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static void update(String sql) throws Exception {
    JdbcDatabase db = PostgresDatabase.get();
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        PreparedStatement statement = c.prepareStatement(sql)) {
      assertEquals(1, statement.executeUpdate(), sql);
    }
  }
}
