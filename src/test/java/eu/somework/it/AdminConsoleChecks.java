package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The tool administrators' console and JSON API on a running server configured with a known
 * password hash and token hash (arquillian.xml): credentials refused and rate-limited, sign-in,
 * CSRF, a registration switched off (its launches refused with the clear page) and on again,
 * deleted with its data, the keys and the outbox. Registrations only these tests use (platforms
 * "adm" and "admdel" of {@link MockPlatforms}), as the IT classes share one database.
 *
 * <p>The failed attempts count towards the per-address limit in the database, beyond this class's
 * deployment: the tests of the limit itself lock out addresses of their own (127.0.0.11,
 * 127.0.0.12), never 127.0.0.1, which the other classes sign in from, and run last (the only
 * ordered steps).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AdminConsoleChecks {
  static final String PASSWORD = "it-admin-password-not-secret";
  static final String TOKEN = "it-admin-token-not-secret-0123456789abcdef";
  static final String TOOL = MockPlatforms.TOOL;
  private static final int PORT = URI.create(TOOL).getPort();
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  /** An instant as the API answers it: ISO-8601 UTC, to the millisecond at most. */
  private static final Pattern API_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z");
  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * How many rows of each table of the tool's schema name {@code value} in any text column (not counting
   * administrators' audit events, which a deletion keeps); empty
   * when the test cannot read the database while the server runs (an H2 file the server holds).
   */
  abstract Optional<Map<String, Long>> rowsNaming(String value) throws Exception;

  @Test
  @Order(1)
  void theApiRefusesAMissingOrWrongTokenAndAnswersTheRightOne() throws Exception {
    HttpResponse<String> missing = api("GET", "/admin/api/registrations", null, null);
    assertEquals(401, missing.statusCode(), missing.body());
    assertEquals("Bearer realm=\"somework-admin\"", missing.headers().firstValue("WWW-Authenticate").orElse(null));
    assertTrue(missing.body().startsWith("{\"error\":"), missing.body());

    HttpResponse<String> wrong = api("GET", "/admin/api/registrations", TOKEN + "x", null);
    assertEquals(401, wrong.statusCode(), wrong.body());
    assertTrue(wrong.body().contains("not valid"), wrong.body());

    HttpResponse<String> right = api("GET", "/admin/api/registrations", TOKEN, null);
    assertEquals(200, right.statusCode(), right.body());
    assertTrue(right.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertTrue(right.body().contains("\"clientId\":\"client-a1\""), "the file registrations are listed: " + right.body());
  }

  @Test
  @Order(2)
  void anAdministratorSignsInWithThePasswordAndNotWithoutIt() throws Exception {
    Browser browser = new Browser();
    Browser.Page entry = browser.get(TOOL + "/admin");
    assertEquals(303, entry.status(), entry.body());
    assertEquals("/admin/sign-in", URI.create(TOOL).resolve(entry.header("Location")).getPath());

    Browser.Page wrong = browser.post(TOOL + "/admin/sign-in", Map.of("user", "admin", "password", PASSWORD + "x"));
    assertEquals(401, wrong.status());
    assertTrue(wrong.body().contains("The user name or password is not right."), wrong.body());
    Browser.Page noPassword = browser.post(TOOL + "/admin/sign-in", Map.of("user", "admin"));
    assertEquals(401, noPassword.status());
    assertEquals(303, browser.get(TOOL + "/admin").status(), "still not signed in");

    Browser.Page signedIn = browser.post(TOOL + "/admin/sign-in", Map.of("user", "admin", "password", PASSWORD));
    assertEquals(303, signedIn.status(), signedIn.body());
    String cookie = signedIn.header("Set-Cookie");
    for (String attribute : List.of("somework_admin=", "Path=/admin", "HttpOnly", "SameSite=Strict", "Max-Age=1800")) {
      assertTrue(cookie.contains(attribute), cookie);
    }
    assertFalse(cookie.contains("Secure"), "the test server's base URL is http: " + cookie);

    Browser.Page overview = browser.follow(signedIn);
    assertEquals(200, overview.status(), overview.body());
    assertTrue(overview.body().contains("Tool administration"), overview.body());
    assertTrue(overview.body().contains("data-key-status=\"CURRENT\""), overview.body());
    assertTrue(overview.body().contains("client-a1"), overview.body());
    assertTrue(overview.body().contains("data-launch-activity="), "the place for launch activity is marked");
    assertEquals("no-store", overview.header("Cache-Control"));
    assertTrue(overview.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
    assertFalse(overview.body().contains("<script"), "no scripts on the console");

    // a copy of the console cookie works while the session does, and not after signing out
    String host = URI.create(TOOL).getAuthority();
    Browser copy = new Browser();
    copy.setCookie(host, "somework_admin", browser.cookie(host, "somework_admin"));
    assertEquals(200, copy.get(TOOL + "/admin").status(), "the copied cookie opens the console before");

    Browser.Page signOut = browser.post(TOOL + "/admin/sign-out", Map.of("csrf", csrf(overview)));
    assertEquals(303, signOut.status());
    assertEquals(303, browser.get(TOOL + "/admin").status(), "signed out");
    Browser.Page copied = copy.get(TOOL + "/admin");
    assertEquals(303, copied.status(), "the session ended on the server too: " + copied.body());
    assertEquals("/admin/sign-in", URI.create(TOOL).resolve(copied.header("Location")).getPath());
    Browser.Page copiedPost = copy.post(TOOL + "/admin/keys/rotation", Map.of("csrf", csrf(overview)));
    assertEquals(401, copiedPost.status(), "its forms are refused too: " + copiedPost.body());
    assertEquals(200, signedIn().get(TOOL + "/admin").status(), "signing in again opens a new session");
  }

  @Test
  @Order(3)
  void aConsoleFormWithoutItsCsrfTokenIsRefusedAndWithItRotatesTheKeys() throws Exception {
    Browser browser = signedIn();
    Browser.Page overview = browser.get(TOOL + "/admin");
    Browser.Page noToken = browser.post(TOOL + "/admin/keys/rotation", Map.of());
    assertEquals(403, noToken.status(), noToken.body());
    Browser.Page otherToken = browser.post(TOOL + "/admin/keys/rotation", Map.of("csrf", "forged"));
    assertEquals(403, otherToken.status(), otherToken.body());

    Browser.Page rotated = browser.post(TOOL + "/admin/keys/rotation", Map.of("csrf", csrf(overview)));
    assertEquals(303, rotated.status(), rotated.body());
    Browser.Page notice = browser.follow(rotated);
    assertTrue(notice.body().contains("Rotation scheduled: the next key signs from"), notice.body());

    HttpResponse<String> again = api("POST", "/admin/api/keys/rotation", TOKEN, "");
    assertEquals(202, again.statusCode(), again.body());
    String activateAt = (String) JSONObjectUtils.parse(again.body()).get("activateAt");
    assertTrue(API_TIME.matcher(activateAt).matches(), "to the millisecond at most: " + activateAt);
    String shown = java.time.Instant.parse(activateAt).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    assertTrue(notice.body().contains(shown), "asking again keeps the instant " + shown + ": " + notice.body());
    assertTrue(notice.body().contains("<td data-fact=\"key-status\">Published; signs from " + shown + "</td>"),
        "the waiting key says when it signs: " + notice.body());
    assertTrue(notice.body().contains("<td data-fact=\"key-status\">Signs now</td>"), "the current key signs now");
    assertFalse(Pattern.compile("(<time datetime=\"|<td>)[-0-9T:]+\\.\\d").matcher(notice.body()).find(),
        "the console shows times to the second: " + notice.body());
    assertFalse(Pattern.compile("\\d{2}:\\d{2}:\\d{2}\\.\\d{4}").matcher(notice.body()).find(),
        "and nowhere finer than the millisecond: " + notice.body());
    HttpResponse<String> keys = api("GET", "/admin/api/keys", TOKEN, null);
    assertEquals(200, keys.statusCode());
    List<Object> list = JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(keys.body()), "keys");
    assertTrue(list.stream().map(k -> (Map<?, ?>) k).anyMatch(k -> "NEXT".equals(k.get("status"))
        && activateAt.equals(k.get("activateAt"))), keys.body());
    assertTrue(list.stream().map(k -> (Map<?, ?>) k).anyMatch(k -> "CURRENT".equals(k.get("status"))), keys.body());
    Matcher times = Pattern.compile("\"(createdAt|activateAt|withdrawAt|updatedAt|lastLaunch)\":\"([^\"]+)\"")
        .matcher(keys.body() + api("GET", "/admin/api/registrations", TOKEN, null).body());
    int checked = 0;
    while (times.find()) {
      assertTrue(API_TIME.matcher(times.group(2)).matches(), times.group() + " is to the millisecond at most");
      checked++;
    }
    assertTrue(checked >= 3, "times were checked: " + checked);
  }

  @Test
  @Order(4)
  void aSwitchedOffRegistrationCannotLaunchUntilItIsSwitchedOnAgain() throws Exception {
    String issuer = MockPlatforms.issuer("adm");
    HttpResponse<String> created = api("POST", "/admin/api/registrations", TOKEN, platformJson(issuer, "client-adm"));
    assertTrue(created.statusCode() == 201 || created.statusCode() == 200, created.body()); // 200 when run before
    long id = ((Number) JSONObjectUtils.parse(created.body()).get("id")).longValue();
    HttpResponse<String> same = api("POST", "/admin/api/registrations", TOKEN, platformJson(issuer, "client-adm"));
    assertEquals(200, same.statusCode(), "the same issuer and client id update: " + same.body());
    assertEquals(id, ((Number) JSONObjectUtils.parse(same.body()).get("id")).longValue());
    HttpResponse<String> bad = api("POST", "/admin/api/registrations", TOKEN, "{\"name\": \"No client\", \"issuer\": \""
        + issuer + "\"}");
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("clientId"), "the bad field is named: " + bad.body());

    api("POST", "/admin/api/registrations/" + id + "/enable", TOKEN, "");
    Browser open = new Browser();
    Browser.Page landed = launch("adm", "client-adm", open);
    assertEquals(303, landed.status(), "switched on, it launches");
    String page = java.net.URI.create(TOOL).resolve(landed.header("Location")).toString();
    assertEquals(200, open.get(page).status(), "the session opens the tool");

    Browser midway = new Browser();
    LtiLogin started = LtiLogin.start(midway, "adm", "client-adm", "dep-adm");
    assertEquals(302, started.answer().status(), started.answer().body());
    HttpResponse<String> off = api("POST", "/admin/api/registrations/" + id + "/disable", TOKEN, "");
    assertEquals(200, off.statusCode(), off.body());
    assertEquals(Boolean.FALSE, JSONObjectUtils.parse(off.body()).get("enabled"));

    Browser.Page ended = open.get(page);
    assertEquals(403, ended.status(), "a session opened before ends with its registration: " + ended.body());
    assertTrue(ended.body().contains("This tool is switched off for your platform"), ended.body());
    Browser.Page login = LtiLogin.start(new Browser(), "adm", "client-adm", "dep-adm").answer();
    assertEquals(403, login.status(), login.body());
    assertTrue(login.body().contains("This tool is switched off for your platform. Ask your administrator"),
        login.body());
    Browser.Page launchMidway = started.launch(midway, MockPlatforms.sign(MockPlatforms.get().key("adm"),
        MockPlatforms.resourceLinkLaunch("adm", "client-adm", "dep-adm", started.nonce(), "user-adm", "Learner")
            .issuer(issuer).build()));
    assertEquals(403, launchMidway.status(), "the id_token of a login started before: " + launchMidway.body());
    assertTrue(launchMidway.body().contains("switched off"), launchMidway.body());
    HttpResponse<String> finnish = http.send(HttpRequest.newBuilder(URI.create(TOOL + "/lti/login?iss="
        + issuer + "&client_id=client-adm&login_hint=x&target_link_uri=" + TOOL + "/lti/launch"))
        .header("Accept-Language", "fi").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(403, finnish.statusCode());
    assertTrue(finnish.body().contains("Tämä työkalu on poistettu käytöstä alustallasi."), finnish.body());

    Browser console = signedIn();
    Browser.Page overview = console.get(TOOL + "/admin");
    assertTrue(Pattern.compile("data-registration=\"" + id + "\" data-enabled=\"false\"").matcher(overview.body()).find(),
        overview.body());
    Browser.Page on = console.post(TOOL + "/admin/registrations/" + id + "/enable", Map.of("csrf", csrf(overview)));
    assertEquals(303, on.status(), on.body());
    assertTrue(console.follow(on).body().contains("Registration " + id + " switched on"));
    assertEquals(303, launch("adm", "client-adm", new Browser()).status(), "switched on again, it launches at once");

    // what the administrator sees of it: the launches, and the refusals while it was off
    Map<String, Object> listed = JSONObjectUtils.parse(api("GET", "/admin/api/registrations", TOKEN, null).body());
    Map<String, Object> adm = java.util.Arrays.stream(JSONObjectUtils.getJSONObjectArray(listed, "registrations"))
        .filter(r -> ((Number) r.get("id")).longValue() == id).findFirst().orElseThrow();
    Map<String, Object> deployment = JSONObjectUtils.getJSONObjectArray(adm, "deployments")[0];
    assertEquals("dep-adm", deployment.get("deploymentId"));
    assertTrue(((Number) deployment.get("launches")).longValue() >= 2, "both launches counted: " + deployment);
    assertTrue(deployment.get("lastLaunch") instanceof String, deployment.toString());
    Map<String, Object> refused = JSONObjectUtils.getJSONObject(adm, "refusedBeforeDeployment");
    assertTrue(((Number) refused.get("REGISTRATION_DISABLED")).longValue() >= 3,
        "two logins and the launch refused while it was off: " + refused);
    Browser.Page activity = console.get(TOOL + "/admin");
    Matcher shown = Pattern.compile("data-launch-activity=\"dep-adm\" data-launches=\"(\\d+)\"").matcher(activity.body());
    assertTrue(shown.find() && Integer.parseInt(shown.group(1)) >= 2, "the console shows the launches");
    assertTrue(activity.body().contains("<code>REGISTRATION_DISABLED</code>"), "and the refusals by check");

    assertEquals(404, api("POST", "/admin/api/registrations/999999/disable", TOKEN, "").statusCode());
    assertEquals(404, api("POST", "/admin/api/registrations/none/enable", TOKEN, "").statusCode());
  }

  @Test
  @Order(5)
  void deletingARegistrationRemovesItsDataOnlyAfterConfirmation() throws Exception {
    String issuer = MockPlatforms.issuer("admdel");
    HttpResponse<String> created = api("POST", "/admin/api/registrations", TOKEN, platformJson(issuer, "client-del"));
    long id = ((Number) JSONObjectUtils.parse(created.body()).get("id")).longValue();
    Browser student = new Browser();
    Browser.Page landed = launch("admdel", "client-del", student);
    assertEquals(303, landed.status(), landed.body());
    Matcher token = Pattern.compile("[?&]s=([^&\"]+)").matcher(landed.header("Location"));
    assertTrue(token.find());
    String s = java.net.URLDecoder.decode(token.group(1), java.nio.charset.StandardCharsets.UTF_8);
    Map<String, String> reflection = new LinkedHashMap<>();
    reflection.put("s", s);
    reflection.put("html", "<p>A reflection that goes with its platform</p>");
    reflection.put("visibility", "SHARED");
    reflection.put("action", "submit");
    assertEquals(303, student.post(TOOL + "/app/units/data-protection/reflection", reflection).status());
    rowsNaming(issuer).ifPresent(rows -> assertTrue(rows.values().stream().mapToLong(Long::longValue).sum() > 3,
        "the launch left data: " + rows));

    Browser console = signedIn();
    Browser.Page confirm = console.get(TOOL + "/admin/registrations/" + id + "/delete");
    assertEquals(200, confirm.status(), confirm.body());
    Browser.Page typo = console.post(TOOL + "/admin/registrations/" + id + "/delete",
        Map.of("csrf", csrf(confirm), "confirm", "client-dell"));
    assertEquals(409, typo.status(), typo.body());
    assertEquals(409, api("DELETE", "/admin/api/registrations/" + id, TOKEN, null).statusCode(), "no confirmation");
    assertEquals(409, api("DELETE", "/admin/api/registrations/" + id + "?confirm=client-a1", TOKEN, null).statusCode());

    HttpResponse<String> deleted = api("DELETE", "/admin/api/registrations/" + id + "?confirm=%20client-del%20", TOKEN,
        null); // spaces around a copied client id do not count
    assertEquals(200, deleted.statusCode(), deleted.body());
    Map<String, Object> counts = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(deleted.body()), "deleted");
    assertEquals(1L, ((Number) counts.get("platform_registration")).longValue(), deleted.body());
    assertTrue(((Number) counts.get("course_member")).longValue() >= 1, deleted.body());
    assertEquals(1L, ((Number) counts.get("reflection")).longValue(), deleted.body());
    assertEquals(1L, ((Number) counts.get("reflection_version")).longValue(), deleted.body());
    assertTrue(((Number) counts.get("resource_link")).longValue() >= 1, deleted.body());
    assertTrue(((Number) counts.get("language_preference")).longValue() >= 0, deleted.body());

    assertFalse(api("GET", "/admin/api/registrations", TOKEN, null).body().contains("client-del"));
    assertEquals(404, api("DELETE", "/admin/api/registrations/" + id + "?confirm=client-del", TOKEN, null)
        .statusCode());
    // deleted through the API, the console still knows it went: the audit log says so, on every instance
    Browser.Page again = console.get(TOOL + "/admin/registrations/" + id + "/delete");
    assertEquals(404, again.status(), again.body());
    assertTrue(again.body().contains("Registration " + id + " was already deleted."), again.body());
    assertEquals(403, LtiLogin.start(new Browser(), "admdel", "client-del", "dep-adm").answer().status(),
        "the platform is unknown now");
    rowsNaming(issuer).ifPresent(rows -> assertEquals(0L, rows.values().stream().mapToLong(Long::longValue).sum(),
        "rows still naming the deleted platform (other than administrators' audit events): " + rows));
    String audit = api("GET", "/admin/api/audit?limit=500", TOKEN, null).body();
    assertTrue(audit.contains("REGISTRATION_ADDED") && audit.contains("REGISTRATION_DELETED")
        && audit.contains("client-del\""), "the administrators' events stay and name the registration: " + audit);

    // in the console: the POST answers with the overview (303), which says what was deleted
    long other = ((Number) JSONObjectUtils.parse(api("POST", "/admin/api/registrations", TOKEN,
        platformJson(issuer, "client-del2")).body()).get("id")).longValue();
    Browser.Page confirmOther = console.get(TOOL + "/admin/registrations/" + other + "/delete");
    Browser.Page typed = console.post(TOOL + "/admin/registrations/" + other + "/delete",
        Map.of("csrf", csrf(confirmOther), "confirm", "  client-del2 "));
    assertEquals(303, typed.status(), typed.body());
    assertEquals("/admin", URI.create(TOOL).resolve(typed.header("Location")).getPath());
    Browser.Page after = console.follow(typed);
    assertTrue(after.body().contains("Registration " + other + " was deleted with its data ("), after.body());
    assertFalse(after.body().contains("data-registration=\"" + other + "\""), "it is gone from the list: " + after.body());
    assertTrue(after.body().contains("<code>client-del2</code>"), "the audit log names it: " + after.body());
  }

  @Test
  @Order(6)
  void aRegistrationFromAFileStillInTheFolderIsNotDeleted() throws Exception {
    Map<String, Object> list = JSONObjectUtils.parse(api("GET", "/admin/api/registrations", TOKEN, null).body());
    Map<?, ?> fromFile = JSONObjectUtils.getJSONArray(list, "registrations").stream().map(r -> (Map<?, ?>) r)
        .filter(r -> "client-a1".equals(r.get("clientId"))).findFirst().orElseThrow();
    assertEquals("FILE", fromFile.get("origin"));
    HttpResponse<String> refused = api("DELETE", "/admin/api/registrations/" + fromFile.get("id") + "?confirm=client-a1",
        TOKEN, null);
    assertEquals(409, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("remove the file first"), refused.body());
  }

  @Test
  @Order(7)
  void theOutboxHealthIsAnswered() throws Exception {
    HttpResponse<String> bodiless = api("POST", "/admin/api/keys/rotation", TOKEN, null);
    assertEquals(202, bodiless.statusCode(), "a POST without a body needs no Content-Type: " + bodiless.body());
    HttpResponse<String> outbox = api("GET", "/admin/api/outbox", TOKEN, null);
    assertEquals(200, outbox.statusCode(), outbox.body());
    Map<String, Object> body = JSONObjectUtils.parse(outbox.body());
    assertNotNull(body.get("waiting"));
    assertNotNull(body.get("failed"));
    assertTrue(body.containsKey("oldestWaitingSince"), outbox.body());
  }

  @Test
  @Order(8)
  void anAdministratorExportsAndErasesOnePersonsData() throws Exception {
    String issuer = MockPlatforms.issuer("adm");
    api("POST", "/admin/api/registrations", TOKEN, platformJson(issuer, "client-adm"));
    String userId = "privacy-" + System.nanoTime();
    String person = "?issuer=" + enc(issuer) + "&clientId=client-adm&userId=" + enc(userId);
    assertEquals(404, api("GET", "/admin/api/people/export" + person, TOKEN, null).statusCode(),
        "nothing held before the person launched");
    Browser student = new Browser();
    Browser.Page landed = launch("adm", "client-adm", userId, student);
    assertEquals(303, landed.status(), landed.body());
    String page = URI.create(TOOL).resolve(landed.header("Location")).toString();
    assertEquals(200, student.get(page).status(), "the session opens the tool");
    Browser classmate = new Browser();
    Browser.Page classmateLanded = launch("adm", "client-adm", userId + "-classmate", classmate);
    String classmatePage = URI.create(TOOL).resolve(classmateLanded.header("Location")).toString();

    HttpResponse<String> export = api("GET", "/admin/api/people/export" + person, TOKEN, null);
    assertEquals(200, export.statusCode(), export.body());
    assertTrue(export.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    assertEquals("no-store", export.headers().firstValue("Cache-Control").orElse(""));
    assertTrue(export.body().contains(userId), "the export is about the person: " + export.body());
    HttpResponse<String> incomplete = api("GET", "/admin/api/people/export?issuer=" + enc(issuer) + "&clientId=client-adm",
        TOKEN, null);
    assertEquals(400, incomplete.statusCode());
    assertTrue(incomplete.body().contains("userId is missing"), incomplete.body());
    assertEquals(401, api("GET", "/admin/api/people/export" + person, "not-the-token", null).statusCode());

    HttpResponse<String> badMode = api("DELETE", "/admin/api/people" + person + "&undeliveredScores=later", TOKEN, null);
    assertEquals(400, badMode.statusCode(), badMode.body());
    HttpResponse<String> erased = api("DELETE", "/admin/api/people" + person, TOKEN, null);
    assertEquals(200, erased.statusCode(), erased.body());
    assertFalse(erased.body().contains(userId), "the report does not name whom it erased: " + erased.body());
    String audit = api("GET", "/admin/api/audit?limit=20", TOKEN, null).body();
    assertTrue(audit.contains("\"action\":\"PERSON_ERASED\""), audit);
    assertTrue(audit.contains("\"action\":\"PERSON_EXPORTED\""), audit);
    assertTrue(Pattern.compile("\"detail\":\"api: \\d+ rows removed").matcher(audit).find(), audit);
    assertFalse(audit.contains(userId), "the audit log does not name whom: " + audit);
    assertEquals(404, api("GET", "/admin/api/people/export" + person, TOKEN, null).statusCode(), "nothing is left");
    assertEquals(404, api("DELETE", "/admin/api/people" + person, TOKEN, null).statusCode());

    Browser.Page ended = student.get(page);
    assertEquals(401, ended.status(), "the erased person's open session ends: " + ended.body());
    assertTrue(ended.body().contains("Your data in this tool was erased, and this session ended with it."),
        ended.body());
    Browser.Page finnish = student.get(page + "&lang=fi");
    assertEquals(401, finnish.status());
    assertTrue(finnish.body().contains("Tietosi tässä työkalussa on poistettu"), "in the page's language: "
        + finnish.body());
    assertEquals(200, classmate.get(classmatePage).status(), "a classmate's session goes on");
    Browser again = new Browser();
    Browser.Page relaunched = launch("adm", "client-adm", userId, again);
    assertEquals(303, relaunched.status(), relaunched.body());
    assertEquals(200, again.get(URI.create(TOOL).resolve(relaunched.header("Location")).toString()).status(),
        "a new launch starts afresh");
  }

  @Test
  @Order(9)
  void administrativeActionsAreInTheAuditLogWithIdsOnly() throws Exception {
    String issuer = MockPlatforms.issuer("adm");
    long id = ((Number) JSONObjectUtils.parse(api("POST", "/admin/api/registrations", TOKEN,
        platformJson(issuer, "client-adm")).body()).get("id")).longValue();
    assertEquals(401, new Browser().post(TOOL + "/admin/sign-in", Map.of("user", "admin", "password",
        "audit-guess-not-kept")).status());
    Browser console = signedIn();
    Browser.Page overview = console.get(TOOL + "/admin");
    assertEquals(303, console.post(TOOL + "/admin/registrations/" + id + "/disable", Map.of("csrf", csrf(overview)))
        .status());
    assertEquals(303, console.post(TOOL + "/admin/registrations/" + id + "/enable", Map.of("csrf", csrf(overview)))
        .status());
    HttpResponse<String> fromCli = http.send(HttpRequest.newBuilder(URI.create(TOOL + "/admin/api/keys/rotation"))
        .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + TOKEN)
        .header("User-Agent", "somework-cli/1").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(202, fromCli.statusCode(), fromCli.body());

    HttpResponse<String> audit = api("GET", "/admin/api/audit?limit=500", TOKEN, null);
    assertEquals(200, audit.statusCode(), audit.body());
    List<Map<String, Object>> events = java.util.Arrays.asList(JSONObjectUtils.getJSONObjectArray(
        JSONObjectUtils.parse(audit.body()), "events"));
    assertTrue(API_TIME.matcher((String) events.get(0).get("occurredAt")).matches(), events.get(0).toString());
    assertEvent(events, "ADMIN_SIGN_IN_FAILED", null, "console: wrong user name or password");
    assertEvent(events, "ADMIN_SIGNED_IN", null, "console");
    assertEvent(events, "REGISTRATION_UPDATED", "client-adm", "api: registration " + id);
    assertEvent(events, "REGISTRATION_DISABLED", "client-adm", "console: registration " + id);
    assertEvent(events, "REGISTRATION_ENABLED", "client-adm", "console: registration " + id);
    assertTrue(events.stream().anyMatch(e -> "KEY_ROTATION_ASKED".equals(e.get("action"))
        && ((String) e.get("detail")).startsWith("cli: the next key signs from ")), audit.body());
    assertTrue(events.stream().filter(e -> "ADMINISTRATOR".equals(e.get("actorKind")))
        .allMatch(e -> e.get("actorUserId") == null && e.get("subjectUserId") == null), "ids of no person");
    for (String secret : List.of("audit-guess-not-kept", PASSWORD, TOKEN, "\"user\"")) {
      assertFalse(audit.body().contains(secret), secret + " is not in the audit log");
    }
    // nor the administrator's network address; a platform's issuer URL may name a loopback host in tests
    assertTrue(events.stream().allMatch(e -> e.entrySet().stream().filter(f -> !"issuer".equals(f.getKey()))
        .noneMatch(f -> String.valueOf(f.getValue()).contains("127.0.0.1"))), "127.0.0.1 is not in the audit log");

    assertEquals(400, api("GET", "/admin/api/audit?limit=0", TOKEN, null).statusCode());
    assertEquals(400, api("GET", "/admin/api/audit?limit=many", TOKEN, null).statusCode());
    assertEquals(401, api("GET", "/admin/api/audit", null, null).statusCode());
    Browser.Page shown = console.get(TOOL + "/admin");
    assertTrue(shown.body().contains("<h2 id=\"audit\">Audit log</h2>"), shown.body());
    assertTrue(shown.body().contains("data-audit-action=\"REGISTRATION_ENABLED\""), "the console shows it");
    assertFalse(shown.body().contains("audit-guess-not-kept"));
  }

  private static void assertEvent(List<Map<String, Object>> events, String action, String clientId, String detail) {
    assertTrue(events.stream().anyMatch(e -> action.equals(e.get("action")) && java.util.Objects.equals(clientId,
        e.get("clientId")) && detail.equals(e.get("detail")) && "ADMINISTRATOR".equals(e.get("actorKind"))),
        action + " " + clientId + " \"" + detail + "\" in " + events);
  }

  private static String enc(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  @Order(100)
  void tooManyFailedAttemptsFromOneAddressGet429EvenWithTheRightPassword() throws Exception {
    // from an address of its own: the count is in the database and outlives this class's deployment,
    // so a lock-out of 127.0.0.1 would refuse the other classes' sign-ins for 15 minutes
    String from = "127.0.0.12";
    RawHttp.Answer page = null;
    for (int i = 0; i < 12; i++) {
      page = RawHttp.postForm(PORT, from, "/admin/sign-in", "", "user=admin&password=guess-" + i);
      if (page.status() == 429) {
        break;
      }
      assertEquals(401, page.status(), page.text());
    }
    assertEquals(429, page.status(), "the limit is reached within 12 failures");
    assertNotNull(page.header("Retry-After"));
    assertTrue(page.text().contains("Too many failed sign-ins from your address."), page.text());
    assertEquals(429, RawHttp.postForm(PORT, from, "/admin/sign-in", "", "user=admin&password=" + PASSWORD).status());
    RawHttp.Answer guess = RawHttp.get(PORT, from, "/admin/api/registrations",
        "Authorization: Bearer another-guess-0123456789abcdef0123\r\n");
    assertEquals(429, guess.status(), guess.text());
    assertNotNull(guess.header("Retry-After"));
    RawHttp.Answer api = RawHttp.get(PORT, from, "/admin/api/registrations", "Authorization: Bearer " + TOKEN + "\r\n");
    assertEquals(200, api.status(), "the right token still works from a locked-out address: " + api.text());
    signedIn(); // from 127.0.0.1: another address is not locked out
  }

  @Test
  @Order(101)
  void theLimitsAnswerHasTheStatusLineClientsKnow() throws Exception {
    String wrong = "Authorization: Bearer wrong-token-0123456789abcdef0123456789\r\n";
    RawHttp.Answer first = RawHttp.get("127.0.0.11", "/admin/api/registrations", wrong);
    assertEquals("HTTP/1.1 401 Unauthorized", first.statusLine(), first.text());
    RawHttp.Answer answer = first;
    for (int i = 0; i < 12 && answer.status() == 401; i++) {
      answer = RawHttp.get("127.0.0.11", "/admin/api/registrations", wrong);
    }
    assertEquals("HTTP/1.1 429 Too Many Requests", answer.statusLine(), answer.text());
    assertTrue(answer.text().matches("(?s).*Try again in [0-9]+ s\\..*"), answer.text());
  }

  private Browser signedIn() throws Exception {
    Browser browser = new Browser();
    Browser.Page page = browser.post(TOOL + "/admin/sign-in", Map.of("user", "admin", "password", PASSWORD));
    assertEquals(303, page.status(), page.body());
    return browser;
  }

  private static String csrf(Browser.Page page) {
    Matcher m = CSRF.matcher(page.body());
    assertTrue(m.find(), "no CSRF token on " + page.url());
    return m.group(1);
  }

  /** A launch of a learner through the platform's registration; the tool's answer (303 when accepted). */
  private static Browser.Page launch(String platform, String clientId, Browser browser) throws Exception {
    return launch(platform, clientId, "user-" + platform, browser);
  }

  /** A launch of learner {@code userId} through the platform's registration (303 when accepted). */
  private static Browser.Page launch(String platform, String clientId, String userId, Browser browser)
      throws Exception {
    LtiLogin login = LtiLogin.start(browser, platform, clientId, "dep-adm");
    if (login.answer().status() != 302) {
      return login.answer();
    }
    JWTClaimsSet claims = MockPlatforms.resourceLinkLaunch(platform, clientId, "dep-adm", login.nonce(),
        userId, "Learner").build();
    return login.launch(browser, MockPlatforms.sign(MockPlatforms.get().key(platform), claims));
  }

  private static String platformJson(String issuer, String clientId) {
    return "{\"name\": \"Admin test " + clientId + "\", \"issuer\": \"" + issuer + "\", \"clientId\": \"" + clientId
        + "\", \"deploymentIds\": [\"dep-adm\"], \"authorizationEndpoint\": \"" + issuer + "/auth\","
        + " \"tokenEndpoint\": \"" + issuer + "/token\", \"jwksUri\": \"" + issuer + "/jwks\"}";
  }

  private HttpResponse<String> api(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TOOL + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
