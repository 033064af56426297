package eu.somework.bench;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A complete launch as a person makes it from the simulator, every hop timed: the simulator's launch
 * form, its page with the iframe, the frame's login initiation, the tool's {@code /lti/login}, the
 * simulator's authorization endpoint, the tool's {@code /lti/launch} and the landing page.
 */
final class LaunchFlow {
  enum Step {
    SIMULATOR_LAUNCH("POST /simulator/launch"),
    SIMULATOR_PAGE("GET /simulator?launch="),
    FRAME("GET /simulator/frame/{id}"),
    LOGIN("POST /lti/login"),
    AUTHORIZATION("GET /simulator/auth"),
    LAUNCH("POST /lti/launch"),
    LANDING("GET /app (landing page)");

    final String label;

    Step(String label) {
      this.label = label;
    }
  }

  private static final Pattern IFRAME = Pattern.compile("<iframe[^>]*src=\"([^\"]*)\"");
  private static final Pattern SESSION = Pattern.compile("[?&]s=([^&]+)");

  /** What one launch produced: the session token in the landing URL, each hop's time, the landing page. */
  record Result(String sessionToken, Map<Step, Long> nanos, long totalNanos, LoadBrowser.Page landing) {}

  private final URI base;

  LaunchFlow(String baseUrl) {
    this.base = URI.create(baseUrl + "/");
  }

  Result launch(LoadBrowser browser, String user) throws IOException, InterruptedException {
    return launch(browser, user, "rl-module");
  }

  /** A launch of {@code target}: a resource link id of the simulator's course, or "deep-linking". */
  Result launch(LoadBrowser browser, String user, String target) throws IOException, InterruptedException {
    browser.forgetCookies();
    HopTimes<Step> hops = new HopTimes<>(Step.class, step -> step.label);
    LoadBrowser.Page page = browser.post(base.resolve("simulator/launch"),
        Map.of("user", user, "target", target, "locale", ""));
    hops.lap(Step.SIMULATOR_LAUNCH, page, 303);
    page = browser.get(page.redirectTarget());
    hops.lap(Step.SIMULATOR_PAGE, page, 200);
    Matcher frame = IFRAME.matcher(page.body());
    if (!frame.find()) {
      throw new IllegalStateException("the simulator page shows no tool frame");
    }
    page = browser.get(page.uri().resolve(frame.group(1)));
    hops.lap(Step.FRAME, page, 200);
    Map.Entry<URI, Map<String, String>> login = LoadBrowser.form(page);
    page = browser.post(login.getKey(), login.getValue());
    hops.lap(Step.LOGIN, page, 302);
    page = browser.get(page.redirectTarget());
    hops.lap(Step.AUTHORIZATION, page, 200);
    Map.Entry<URI, Map<String, String>> idToken = LoadBrowser.form(page);
    page = browser.post(idToken.getKey(), idToken.getValue());
    hops.lap(Step.LAUNCH, page, 303);
    URI landing = page.redirectTarget();
    page = browser.get(landing);
    // a link to one unit lands on that unit's page, one redirect further
    for (int redirects = 0; redirects < 3 && page.status() == 303; redirects++) {
      page = browser.get(page.redirectTarget());
    }
    hops.lap(Step.LANDING, page, 200);
    Matcher session = SESSION.matcher(landing.getRawQuery() == null ? "" : "?" + landing.getRawQuery());
    if (!session.find()) {
      throw new IllegalStateException("the landing URL carries no session");
    }
    return new Result(java.net.URLDecoder.decode(session.group(1), java.nio.charset.StandardCharsets.UTF_8),
        hops.nanos(), hops.totalNanos(), page);
  }
}
