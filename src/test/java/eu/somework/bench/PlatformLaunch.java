package eu.somework.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A complete Moodle-style launch against a tool, every hop timed: Moodle's auto-posted login
 * initiation (SoMe@Work: {@code POST /lti/login}), the tool's redirect to the platform's
 * authorization endpoint, checked as Moodle's auth.php checks it and read for its state and nonce,
 * the id_token the platform signs itself (no request: that is Moodle's auth.php, here in the
 * driver's process), the id_token and state posted to the tool's target link URI (SoMe@Work:
 * {@code POST /lti/launch}) with the cookies the login set, then the landing page the tool
 * redirects to. A read is one further page with the session of a launch (SoMe@Work: a unit page).
 * What differs between SoMe@Work and a peer tool ({@link LtijsPeer}) is data: its {@link Routes}.
 */
final class PlatformLaunch {
  enum Step {
    LOGIN,
    SIGN,
    LAUNCH,
    LANDING
  }

  /**
   * Where a tool's launch goes and what it answers.
   *
   * @param login the login initiation's path (relative to the tool's base URL)
   * @param launch the target link URI's path, where the id_token is posted
   * @param launchStatus the redirect status the id_token POST answers with
   * @param sessionParameter the query parameter of the landing URL that carries the session
   * @param landingMarker text the landing page must hold (null: any page with status 200)
   * @param read the path of the page a read opens, ending where the session is appended
   * @param readMarker text the read page must hold
   */
  record Routes(String login, String launch, int launchStatus, String sessionParameter, String landingMarker,
      String read, String readMarker) {}

  static final String UNIT = "data-protection";

  /** SoMe@Work: a student's session reads unit {@value #UNIT}. */
  static final Routes SOMEWORK = new Routes("lti/login", "lti/launch", 303, "s", null,
      "app/units/" + UNIT + "?s=", "data-unit=\"" + UNIT + "\"");

  /** What one launch produced: the session of the landing URL, each hop's time. */
  record Result(String sessionToken, Map<Step, Long> nanos, long totalNanos) {}

  private final URI tool;
  private final BenchPlatform platform;
  private final Routes routes;
  private final Pattern session;

  /** Launches into SoMe@Work at {@code toolBaseUrl}. */
  PlatformLaunch(String toolBaseUrl, BenchPlatform platform) {
    this(toolBaseUrl, platform, SOMEWORK);
  }

  PlatformLaunch(String toolBaseUrl, BenchPlatform platform, Routes routes) {
    this.tool = URI.create(toolBaseUrl + "/");
    this.platform = platform;
    this.routes = routes;
    this.session = Pattern.compile("[?&]" + Pattern.quote(routes.sessionParameter()) + "=([^&]+)");
  }

  /** The hop as the report's column names it, e.g. "POST /lti/login". */
  String label(Step step) {
    return switch (step) {
      case LOGIN -> "POST /" + routes.login();
      case SIGN -> "platform signs the id_token (driver)";
      case LAUNCH -> "POST /" + routes.launch();
      case LANDING -> "GET landing page";
    };
  }

  /**
   * One complete launch by student {@code userId} in a fresh cookie jar.
   *
   * @throws IllegalStateException when a hop answers other than Moodle and a browser expect
   */
  Result launch(LoadBrowser browser, String userId) throws IOException, InterruptedException {
    browser.forgetCookies();
    HopTimes<Step> hops = new HopTimes<>(Step.class, this::label);
    String targetLinkUri = tool.resolve(routes.launch()).toString();
    Map<String, String> initiation = new LinkedHashMap<>();
    initiation.put("iss", platform.issuer);
    initiation.put("target_link_uri", targetLinkUri);
    initiation.put("login_hint", userId);
    initiation.put("lti_message_hint", "{\"cmid\":\"318\",\"launchid\":\"ltilaunch318_" + System.nanoTime() + "\"}");
    initiation.put("client_id", BenchPlatform.CLIENT_ID);
    initiation.put("lti_deployment_id", BenchPlatform.DEPLOYMENT_ID);
    LoadBrowser.Page page = browser.post(tool.resolve(routes.login()), initiation);
    hops.lap(Step.LOGIN, page, 302);
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
    hops.lap(Step.SIGN);
    Map<String, String> post = new LinkedHashMap<>();
    post.put("id_token", idToken);
    post.put("state", auth.get("state"));
    page = browser.post(tool.resolve(routes.launch()), post);
    hops.lap(Step.LAUNCH, page, routes.launchStatus());
    URI landing = page.redirectTarget();
    page = browser.get(landing);
    // a link to one unit lands on that unit's page, one redirect further
    for (int redirects = 0; redirects < 3 && page.status() == 303; redirects++) {
      page = browser.get(page.redirectTarget());
    }
    hops.lap(Step.LANDING, page, 200);
    if (routes.landingMarker() != null && !page.body().contains(routes.landingMarker())) {
      throw new IllegalStateException("the landing page is not the tool's: " + HopTimes.abbreviate(page.body()));
    }
    Matcher session = this.session.matcher(landing.getRawQuery() == null ? "" : "?" + landing.getRawQuery());
    if (!session.find()) {
      throw new IllegalStateException("the landing URL carries no session");
    }
    return new Result(URLDecoder.decode(session.group(1), StandardCharsets.UTF_8), hops.nanos(), hops.totalNanos());
  }

  /**
   * One read of the routes' page with {@code sessionToken}.
   *
   * @throws IllegalStateException when it answers other than 200 with the expected page
   */
  void read(LoadBrowser browser, String sessionToken) throws IOException, InterruptedException {
    LoadBrowser.Page page = browser.get(tool.resolve(routes.read() + URLEncoder.encode(sessionToken, StandardCharsets.UTF_8)));
    if (page.status() != 200 || !page.body().contains(routes.readMarker())) {
      throw new IllegalStateException("GET /" + routes.read() + "… answered HTTP " + page.status() + ": "
          + HopTimes.abbreviate(page.body()));
    }
  }

  /** The page a read opens, for the report, e.g. "`GET /app/units/data-protection?s=…`". */
  String readDescription() {
    return "`GET /" + routes.read() + "…`";
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
}
