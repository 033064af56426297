package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import eu.somework.session.AdminOnly;
import eu.somework.session.Allow;
import eu.somework.session.Public;
import eu.somework.session.ToolRole;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the tool, found from the code (so a new one is covered the day it is added),
 * reached as each kind of visitor: without a session, with each role, with a session copied into
 * another browser, and from another deployment of the same course id. Runs on H2
 * ({@link AccessIT}) and on PostgreSQL with the key-encryption secret set ({@link AccessPostgresIT}).
 */
abstract class AccessChecks {
  /** Whether the server under test runs the built-in simulator (never in an institution's set-up). */
  abstract boolean simulatorEnabled();

  private static final Pattern TOKEN = Pattern.compile("[?&]s=([^&\"]+)");
  private static final Map<String, String> SAMPLE_PATH_VALUES = Map.of(
      "id", "data-protection", "unit", "data-protection", "file", "missing.png", "name", "app.css",
      "launch", "unknown", "userId", "no-such-student");

  /** One HTTP method on one path, with the rule its resource declares. */
  record Endpoint(String method, String path, Allow allow, boolean isPublic, boolean admin) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static List<Endpoint> endpoints() {
    List<Endpoint> found = new ArrayList<>();
    for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("eu.somework")) {
      if (!resource.isAnnotatedWith(Path.class)) {
        continue;
      }
      String base = resource.getAnnotationOfType(Path.class).value();
      for (JavaMethod method : resource.getMethods()) {
        String verb = method.isAnnotatedWith(GET.class) ? "GET" : method.isAnnotatedWith(POST.class) ? "POST" : null;
        if (verb == null) {
          continue;
        }
        String path = method.isAnnotatedWith(Path.class) ? join(base, method.getAnnotationOfType(Path.class).value())
            : base;
        boolean admin = method.isAnnotatedWith(AdminOnly.class) || !method.isAnnotatedWith(Public.class)
            && !method.isAnnotatedWith(Allow.class) && resource.isAnnotatedWith(AdminOnly.class);
        Allow allow = admin ? null : method.isAnnotatedWith(Allow.class) ? method.getAnnotationOfType(Allow.class)
            : method.isAnnotatedWith(Public.class) ? null
            : resource.isAnnotatedWith(Allow.class) ? resource.getAnnotationOfType(Allow.class) : null;
        boolean isPublic = !admin && allow == null
            && (method.isAnnotatedWith(Public.class) || resource.isAnnotatedWith(Public.class));
        found.add(new Endpoint(verb, concrete(path), allow, isPublic, admin));
      }
    }
    return found;
  }

  @Test
  void everyEndpointDeclaresARuleAndTheMatrixCoversThemAll() {
    List<Endpoint> all = endpoints();
    assertTrue(all.size() >= 15, "endpoints found: " + all);
    for (Endpoint endpoint : all) {
      assertTrue(endpoint.isPublic() || endpoint.allow() != null || endpoint.admin(), endpoint + " declares no rule");
    }
    assertTrue(all.stream().anyMatch(e -> e.path().equals("/app/progress") && e.allow() != null));
    // the reflection pages: course members only, writing for students only
    for (String path : List.of("/app/units/data-protection/reflection", "/app/units/data-protection/reflection/draft",
        "/app/blog", "/app/blog/x/comments", "/app/blog/comments/x/remove")) {
      assertTrue(all.stream().anyMatch(e -> e.path().equals(path) && e.allow() != null && e.allow().course()
          && !Arrays.asList(e.allow().value()).contains(ToolRole.GUEST)), path + " in " + all);
    }
    assertTrue(all.stream().filter(e -> e.path().startsWith("/app/units/data-protection/reflection")
        && e.method().equals("POST")).allMatch(e -> List.of(e.allow().value()).equals(List.of(ToolRole.STUDENT))));
    // the grading pages: teachers and administrators of the course only, reading and writing
    List<Endpoint> grading = all.stream().filter(e -> e.path().startsWith("/app/grading/")).toList();
    assertEquals(4, grading.size(), "list, its actions, a student's form and its marking: " + grading);
    for (Endpoint endpoint : grading) {
      assertTrue(endpoint.allow() != null && endpoint.allow().course() && EnumSet.copyOf(Arrays.asList(
          endpoint.allow().value())).equals(EnumSet.of(ToolRole.TEACHER, ToolRole.ADMINISTRATOR)), endpoint.toString());
    }
  }

  @Test
  void reflectionsOfOneDeploymentAreNotSeenFromAnotherWithTheSameCourseId() throws Exception {
    Visitor anna = Visitor.launch("dep-1", "user-refl-anna", "Learner", "Anna Reflects");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("s", anna.token());
    form.put("html", "<p>Only for deployment one</p>");
    form.put("visibility", "SHARED");
    form.put("action", "submit");
    assertEquals(303, anna.browser().post(MockPlatforms.TOOL + "/app/units/data-protection/reflection", form).status());
    Visitor classmate = Visitor.launch("dep-1", "user-refl-bo", "Learner", "Bo Reads");
    String blog = classmate.browser().get(MockPlatforms.TOOL + "/app/blog?s=" + classmate.token()).body();
    assertTrue(blog.contains("Only for deployment one"), blog);
    Matcher id = Pattern.compile("id=\"r-([0-9a-f-]{36})\"").matcher(blog);
    assertTrue(id.find(), blog);

    for (String role : List.of("Learner", "Instructor")) {
      Visitor other = Visitor.launch("dep-2", "user-refl-other-" + role, role, "Other " + role);
      for (String path : List.of("/app/blog", "/app/units/data-protection/reflection")) {
        Browser.Page page = other.browser().get(MockPlatforms.TOOL + path + "?s=" + other.token());
        assertEquals(200, page.status(), path);
        assertFalse(page.body().contains("deployment one"), role + " " + path + ": " + page.body());
      }
      Browser.Page comment = other.browser().post(MockPlatforms.TOOL + "/app/blog/" + id.group(1) + "/comments",
          Map.of("s", other.token(), "text", "from another deployment"));
      assertEquals(404, comment.status(), comment.body());
      assertFalse(comment.body().contains("deployment one"), comment.body());
      assertClean(comment);
    }
  }

  @Test
  void withoutASessionEveryProtectedEndpointIsA401AndEveryPublicOneIsReachable() throws Exception {
    for (Endpoint endpoint : endpoints()) {
      Browser.Page page = send(new Browser(), endpoint, null);
      if (endpoint.admin()) {
        // the administrators' pages and API: no tool session, no console session, no admin token
        assertTrue(page.status() == 401 || page.status() == 303 && "/admin/sign-in".equals(
            java.net.URI.create(MockPlatforms.TOOL).resolve(page.header("Location")).getPath()),
            endpoint + " answered " + page.status() + ": " + page.body());
        assertClean(page);
      } else if (endpoint.isPublic() && endpoint.toString().equals("POST /admin/sign-in")) {
        // the administrators' sign-in is public; posting it without the password is a failed sign-in
        assertEquals(401, page.status(), page.body());
        assertTrue(page.body().contains("The user name or password is not right."), page.body());
      } else if (endpoint.isPublic()) {
        assertTrue(page.status() != 401 && page.status() != 403, endpoint + " is public but answered " + page.status());
      } else {
        assertEquals(401, page.status(), endpoint + ": " + page.body());
        assertTrue(page.body().contains("Your session has expired or is not valid."), endpoint + ": " + page.body());
        assertClean(page);
      }
    }
  }

  @Test
  void eachRoleReachesWhatItsRuleAllowsAndGets403Elsewhere() throws Exception {
    Map<ToolRole, Visitor> visitors = new LinkedHashMap<>();
    visitors.put(ToolRole.STUDENT, Visitor.launch("dep-1", "user-s", "Learner"));
    visitors.put(ToolRole.TEACHER, Visitor.launch("dep-1", "user-t", "Instructor"));
    visitors.put(ToolRole.ADMINISTRATOR, Visitor.launch("dep-1", "user-adm",
        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"));
    visitors.put(ToolRole.GUEST, Visitor.launch("dep-1", null, "Learner"));
    for (Map.Entry<ToolRole, Visitor> visitor : visitors.entrySet()) {
      assertTrue(visitor.getValue().landing().body().contains("data-fact=\"role\""),
          visitor.getKey() + " landed: " + visitor.getValue().landing().body());
    }
    for (Endpoint endpoint : endpoints()) {
      if (endpoint.isPublic()) {
        continue;
      }
      if (endpoint.admin()) {
        // a tool session of any role, a platform administrator's too, is no administrator's session
        for (Map.Entry<ToolRole, Visitor> visitor : visitors.entrySet()) {
          Browser.Page page = send(visitor.getValue().browser(), endpoint, visitor.getValue().token());
          assertTrue(page.status() == 401 || page.status() == 303,
              endpoint + " as " + visitor.getKey() + " answered " + page.status() + ": " + page.body());
        }
        continue;
      }
      Set<ToolRole> allowed = EnumSet.copyOf(Arrays.asList(endpoint.allow().value()));
      for (Map.Entry<ToolRole, Visitor> visitor : visitors.entrySet()) {
        Browser.Page page = send(visitor.getValue().browser(), endpoint, visitor.getValue().token());
        if (allowed.contains(visitor.getKey())) {
          assertTrue(page.status() != 401 && page.status() != 403,
              endpoint + " as " + visitor.getKey() + " answered " + page.status() + ": " + page.body());
        } else {
          assertEquals(403, page.status(), endpoint + " as " + visitor.getKey() + ": " + page.body());
          assertClean(page);
        }
      }
    }
  }

  @Test
  void aCopiedLinkOpensNothingInAnotherBrowser() throws Exception {
    Visitor teacher = Visitor.launch("dep-1", "user-copy", "Instructor");
    String copied = MockPlatforms.TOOL + "/app/progress?s=" + teacher.token();
    assertEquals(200, teacher.browser().get(copied).status(), "the teacher's own browser opens it");

    Browser.Page elsewhere = new Browser().get(copied);
    assertEquals(401, elsewhere.status());
    assertTrue(elsewhere.body().contains("This page belongs to a session opened in another browser or window."),
        elsewhere.body());
    assertFalse(elsewhere.body().contains("Test Instructor"));
    assertClean(elsewhere);

  }

  @Test
  void aLaunchSetsAPartitionedHttpOnlySessionCookieAndPagesAreNeverStored() throws Exception {
    Visitor student = Visitor.launch("dep-1", "user-cookie", "Learner");
    String setCookie = student.launchAnswer().response().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("somework_session_")).findFirst().orElseThrow();
    for (String attribute : List.of("Path=/", "HttpOnly", "Secure", "SameSite=None", "Partitioned", "Max-Age=")) {
      assertTrue(setCookie.contains(attribute), setCookie);
    }
    assertEquals("no-store", student.landing().header("Cache-Control"));
  }

  @Test
  void twoDeploymentsWithTheSameContextIdKeepSeparateMembersAndProgress() throws Exception {
    Visitor anna = Visitor.launch("dep-1", "user-anna", "Learner", "Anna Dep-One");
    assertEquals(200, anna.browser().get(MockPlatforms.TOOL + "/app/units/data-protection?s=" + anna.token()).status());
    Visitor otherDeployment = Visitor.launch("dep-2", "user-bo", "Learner", "Bo Dep-Two");
    assertEquals(200, otherDeployment.browser().get(MockPlatforms.TOOL + "/app/overview?s=" + otherDeployment.token())
        .status());

    Visitor teacherOne = Visitor.launch("dep-1", "user-t1", "Instructor");
    String one = teacherOne.browser().get(MockPlatforms.TOOL + "/app/progress?s=" + teacherOne.token()).body();
    assertTrue(one.contains("Anna Dep-One"), one);
    assertFalse(one.contains("Bo Dep-Two"), one);

    Visitor teacherTwo = Visitor.launch("dep-2", "user-t2", "Instructor");
    String two = teacherTwo.browser().get(MockPlatforms.TOOL + "/app/progress?s=" + teacherTwo.token()).body();
    assertTrue(two.contains("Bo Dep-Two"), two);
    assertFalse(two.contains("Anna Dep-One"), "course id course-a of dep-1 is another course than dep-2's: " + two);
  }

  @Test
  void theUnitFileEndpointNeverLeavesTheUnitFolder() throws Exception {
    Browser browser = new Browser();
    for (String path : List.of("/content/data-protection/..%2F..%2Fpom.xml", "/content/data-protection/%2e%2e/unit.yaml",
        "/content/data-protection/%2e%2e%2f%2e%2e%2fREADME.md", "/content/data-protection/en.md",
        "/content/data-protection/unit.yaml", "/content/no-such-unit/images/a.png",
        "/content/..%2Fmodule-content/data-protection/en.md", "/content/data-protection/images/none.png")) {
      Browser.Page page = browser.get(MockPlatforms.TOOL + path);
      assertEquals(404, page.status(), path + ": " + page.body());
      assertClean(page);
    }
  }

  @Test
  void theDeepLinkingAnswerNeedsADeepLinkingSessionOfATeacher() throws Exception {
    Visitor teacher = Visitor.launch("dep-1", "user-dl", "Instructor");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("s", teacher.token());
    form.put("action", "all");
    Browser.Page plainLinkSession = teacher.browser().post(MockPlatforms.TOOL + "/app/deep-linking", form);
    assertEquals(400, plainLinkSession.status());
    assertTrue(plainLinkSession.body().contains("Deep Linking"), plainLinkSession.body());
    assertFalse(plainLinkSession.body().contains("JWT"), "no signed answer is produced");

    Visitor student = Visitor.launch("dep-1", "user-dl-s", "Learner");
    form.put("s", student.token());
    Browser.Page asStudent = student.browser().post(MockPlatforms.TOOL + "/app/deep-linking", form);
    assertEquals(403, asStudent.status());
    assertTrue(asStudent.body().contains("Only teachers can add units to a course."), asStudent.body());

    form.remove("s");
    assertEquals(401, new Browser().post(MockPlatforms.TOOL + "/app/deep-linking", form).status());
  }

  @Test
  void aForgedDeepLinkingResponseIsRefusedByTheSimulatedPlatform() throws Exception {
    JWTClaimsSet forged = new JWTClaimsSet.Builder().issuer("somework-simulator")
        .audience(MockPlatforms.TOOL).claim("https://purl.imsglobal.org/spec/lti/claim/message_type",
            "LtiDeepLinkingResponse").build();
    Browser.Page page = new Browser().post(MockPlatforms.TOOL + "/simulator/deep-link-return",
        Map.of("JWT", MockPlatforms.sign(MockPlatforms.newKey(), forged)));
    if (simulatorEnabled()) {
      assertEquals(400, page.status(), page.body());
      assertTrue(page.body().contains("rejected"), page.body());
    } else {
      assertEquals(404, page.status(), "with the simulator off its URLs do not exist: " + page.body());
    }
    assertClean(page);
  }

  @Test
  void theSimulatorIsThereOnlyWhenSwitchedOn() throws Exception {
    for (String path : List.of("/simulator", "/simulator/jwks")) {
      Browser.Page page = new Browser().get(MockPlatforms.TOOL + path);
      assertEquals(simulatorEnabled() ? 200 : 404, page.status(), path + ": " + page.body());
      if (!simulatorEnabled()) {
        assertClean(page);
      }
    }
  }

  @Test
  void aScriptSendsTheTokenInAHeaderAndStillNeedsTheCookie() throws Exception {
    Visitor student = Visitor.launch("dep-1", "user-header", "Learner");
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    String cookie = student.browser().cookieNames(URI.create(MockPlatforms.TOOL).getAuthority()).stream()
        .filter(n -> n.startsWith("somework_session_")).map(n -> n + "=" + student.browser()
            .cookie(URI.create(MockPlatforms.TOOL).getAuthority(), n)).findFirst().orElseThrow();
    for (String[] header : List.of(new String[] {"X-SomeWork-Session", student.token()},
        new String[] {"Authorization", "Bearer " + student.token()})) {
      var withCookie = http.send(java.net.http.HttpRequest.newBuilder(URI.create(MockPlatforms.TOOL + "/app/overview"))
          .header(header[0], header[1]).header("Cookie", cookie).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, withCookie.statusCode(), header[0]);
      var without = http.send(java.net.http.HttpRequest.newBuilder(URI.create(MockPlatforms.TOOL + "/app/overview"))
          .header(header[0], header[1]).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(401, without.statusCode(), header[0]);
      assertFalse(without.body().contains(student.token()));
    }
  }

  @Test
  void manyLaunchesInOneBrowserKeepItsCookiesFewAndEveryLaunchWorks() throws Exception {
    Browser browser = new Browser();
    String host = URI.create(MockPlatforms.TOOL).getAuthority();
    Visitor last = null;
    for (int i = 0; i < 12; i++) {
      last = Visitor.launch(browser, "dep-1", "user-many", "Learner", "Many Launches");
      assertEquals(200, last.landing().status(), "launch " + i);
    }
    long live = browser.cookieNames(host).stream()
        .filter(n -> n.startsWith("somework_") && !browser.cookie(host, n).isEmpty()).count();
    assertTrue(live <= 8, "cookies the browser still holds: " + live);
    assertEquals(200, browser.get(MockPlatforms.TOOL + "/app/overview?s=" + last.token()).status());
  }

  @Test
  void aPostWithoutContentTypeIsA415NotAServerError() throws Exception {
    Visitor student = Visitor.launch("dep-1", "user-415", "Learner");
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    List<String> paths = new java.util.ArrayList<>(List.of("/app/language?s=" + student.token(), "/lti/login",
        "/lti/launch"));
    if (simulatorEnabled()) {
      paths.addAll(List.of("/simulator/launch", "/simulator/token", "/simulator/deep-link-return"));
    }
    for (String path : paths) {
      var answer = http.send(java.net.http.HttpRequest.newBuilder(URI.create(MockPlatforms.TOOL + path))
          .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(415, answer.statusCode(), path + ": " + answer.body());
    }
  }

  @Test
  void optionsIsAnsweredWithoutARefusalAndRefusalsAreNotStored() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    var options = http.send(java.net.http.HttpRequest.newBuilder(URI.create(MockPlatforms.TOOL + "/app"))
        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertTrue(options.statusCode() < 400, "OPTIONS answered " + options.statusCode());
    assertFalse(options.body().contains("wadl"), "no generated route list: " + options.body());

    Visitor student = Visitor.launch("dep-1", "user-nostore", "Learner");
    Browser.Page refused = student.browser().get(MockPlatforms.TOOL + "/app/progress?s=" + student.token());
    assertEquals(403, refused.status());
    assertEquals("no-store", refused.header("Cache-Control"));
    Browser.Page elsewhere = new Browser().get(MockPlatforms.TOOL + "/app/progress?s=" + student.token());
    assertEquals(401, elsewhere.status());
    assertEquals("no-store", elsewhere.header("Cache-Control"));
  }

  /** A launched user: their browser (with its cookies), the session token of their pages, where they landed. */
  record Visitor(Browser browser, String token, Browser.Page launchAnswer, Browser.Page landing) {
    static Visitor launch(String deployment, String userId, String role) throws Exception {
      return launch(deployment, userId, role, "Test " + role);
    }

    static Visitor launch(String deployment, String userId, String role, String name) throws Exception {
      return launch(new Browser(), deployment, userId, role, name);
    }

    static Visitor launch(Browser browser, String deployment, String userId, String role, String name)
        throws Exception {
      MockPlatforms platforms = MockPlatforms.get();
      LtiLogin login = LtiLogin.start(browser, "a", "client-a1", deployment);
      assertEquals(302, login.answer().status(), login.answer().body());
      String roleUri = role.startsWith("http") ? role : "http://purl.imsglobal.org/vocab/lis/v2/membership#" + role;
      JWTClaimsSet claims = MockPlatforms.resourceLinkLaunch("a", "client-a1", deployment, login.nonce(), userId, role)
          .subject(userId)
          .claim("name", userId == null ? null : name)
          .claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(roleUri))
          .build();
      Browser.Page answer = login.launch(browser, MockPlatforms.sign(platforms.key("a"), claims));
      assertEquals(303, answer.status(), answer.body());
      Browser.Page landing = browser.follow(answer);
      Matcher token = TOKEN.matcher(answer.header("Location"));
      assertTrue(token.find(), answer.header("Location"));
      return new Visitor(browser, java.net.URLDecoder.decode(token.group(1), java.nio.charset.StandardCharsets.UTF_8),
          answer, landing);
    }
  }

  private static Browser.Page send(Browser browser, Endpoint endpoint, String token) throws Exception {
    String url = MockPlatforms.TOOL + endpoint.path();
    if (endpoint.method().equals("GET")) {
      return browser.get(token == null ? url : url + "?s=" + java.net.URLEncoder.encode(token,
          java.nio.charset.StandardCharsets.UTF_8));
    }
    Map<String, String> form = new LinkedHashMap<>();
    if (token != null) {
      form.put("s", token);
    }
    form.put("lang", "fi");
    form.put("return", "/app");
    return browser.post(url, form);
  }

  /** Refusals name no token, host, stack frame or SQL. */
  private static void assertClean(Browser.Page page) {
    String body = page.body();
    assertNotNull(body);
    for (String leak : List.of("eyJ", "Exception", "at eu.somework", "at jakarta.", "SELECT ", "select ", "jdbc:",
        "localhost:")) {
      assertFalse(body.contains(leak), "the refusal shows '" + leak + "': " + body);
    }
  }

  private static String join(String base, String sub) {
    String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return b + (sub.startsWith("/") ? sub : "/" + sub);
  }

  /** Fills path templates ({id}, {file: .+}) with sample values. */
  private static String concrete(String template) {
    Matcher m = Pattern.compile("\\{(\\w+)(?:\\s*:[^}]*)?}").matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(SAMPLE_PATH_VALUES.getOrDefault(m.group(1), "x")));
    }
    m.appendTail(out);
    String path = out.toString();
    return URI.create(path.isEmpty() ? "/" : path).getPath();
  }
}
