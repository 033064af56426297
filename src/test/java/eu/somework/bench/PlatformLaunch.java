package eu.somework.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A complete Moodle-style launch against the tool, every hop timed: Moodle's auto-posted login
 * initiation ({@code POST /lti/login}), the tool's redirect to the platform's authorization
 * endpoint read for its state and nonce, the id_token the platform signs itself (no request: that
 * is Moodle's auth.php, here in the driver's process), {@code POST /lti/launch} with the state and
 * the login cookie, then the landing page the tool redirects to.
 */
final class PlatformLaunch {
  enum Step {
    LOGIN("POST /lti/login"),
    SIGN("platform signs the id_token (driver)"),
    LAUNCH("POST /lti/launch"),
    LANDING("GET landing page");

    final String label;

    Step(String label) {
      this.label = label;
    }
  }

  private static final Pattern SESSION = Pattern.compile("[?&]s=([^&]+)");

  /** What one launch produced: the session token of the landing URL, each hop's time. */
  record Result(String sessionToken, Map<Step, Long> nanos, long totalNanos) {}

  private final URI tool;
  private final BenchPlatform platform;

  PlatformLaunch(String toolBaseUrl, BenchPlatform platform) {
    this.tool = URI.create(toolBaseUrl + "/");
    this.platform = platform;
  }

  /** One launch by student {@code userId} in a fresh cookie jar. */
  Result launch(LoadBrowser browser, String userId) throws IOException, InterruptedException {
    browser.forgetCookies();
    Map<Step, Long> nanos = new EnumMap<>(Step.class);
    long start = System.nanoTime();
    String targetLinkUri = tool.resolve("lti/launch").toString();
    Map<String, String> initiation = new LinkedHashMap<>();
    initiation.put("iss", platform.issuer);
    initiation.put("target_link_uri", targetLinkUri);
    initiation.put("login_hint", userId);
    initiation.put("lti_message_hint", "{\"cmid\":\"318\",\"launchid\":\"ltilaunch318_" + System.nanoTime() + "\"}");
    initiation.put("client_id", BenchPlatform.CLIENT_ID);
    initiation.put("lti_deployment_id", BenchPlatform.DEPLOYMENT_ID);
    LoadBrowser.Page page = browser.post(tool.resolve("lti/login"), initiation);
    long t = lap(nanos, Step.LOGIN, start, page, 302);
    Map<String, String> auth = query(page.redirectTarget());
    // what Moodle's auth.php checks before it signs
    expect(page.redirectTarget().toString().startsWith(platform.issuer + "/mod/lti/auth.php?"), "redirect to auth.php", page);
    expect(BenchPlatform.CLIENT_ID.equals(auth.get("client_id")), "client_id", page);
    expect(targetLinkUri.equals(auth.get("redirect_uri")), "redirect_uri", page);
    expect(userId.equals(auth.get("login_hint")), "login_hint", page);
    expect(initiation.get("lti_message_hint").equals(auth.get("lti_message_hint")), "lti_message_hint", page);
    expect("id_token".equals(auth.get("response_type")) && "form_post".equals(auth.get("response_mode"))
        && "openid".equals(auth.get("scope")) && auth.get("state") != null && auth.get("nonce") != null,
        "OIDC parameters", page);
    String idToken = platform.idToken(userId, auth.get("nonce"), targetLinkUri);
    long signed = System.nanoTime();
    nanos.put(Step.SIGN, signed - t);
    t = signed;
    Map<String, String> post = new LinkedHashMap<>();
    post.put("id_token", idToken);
    post.put("state", auth.get("state"));
    page = browser.post(tool.resolve("lti/launch"), post);
    t = lap(nanos, Step.LAUNCH, t, page, 303);
    URI landing = page.redirectTarget();
    page = browser.get(landing);
    // a link to one unit lands on that unit's page, one redirect further
    for (int hops = 0; hops < 3 && page.status() == 303; hops++) {
      page = browser.get(page.redirectTarget());
    }
    t = lap(nanos, Step.LANDING, t, page, 200);
    Matcher session = SESSION.matcher(landing.getRawQuery() == null ? "" : "?" + landing.getRawQuery());
    if (!session.find()) {
      throw new IllegalStateException("the landing URL carries no session");
    }
    return new Result(URLDecoder.decode(session.group(1), StandardCharsets.UTF_8), nanos, t - start);
  }

  private static void expect(boolean condition, String what, LoadBrowser.Page page) {
    if (!condition) {
      throw new IllegalStateException("the login redirect's " + what + " is not what Moodle expects: " + page.location());
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> values = new HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return values;
  }

  private static long lap(Map<Step, Long> nanos, Step step, long since, LoadBrowser.Page page, int expected) {
    long now = System.nanoTime();
    if (page.status() != expected) {
      throw new IllegalStateException(step.label + " answered HTTP " + page.status() + " instead of " + expected
          + ": " + LaunchFlow.abbreviate(page.body()));
    }
    nanos.put(step, now - since);
    return now;
  }
}
