package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a complete launch costs the database (issue 11): login initiation, the id_token POST and the
 * landing page, counted by the server itself ({@code somework.db.count-statements}, header
 * {@code X-Somework-Db}) on each of the tool's three answers. The platform's authorization step is
 * the test's own. The count is deterministic: the same launch always sends the same statements, so
 * this is a behaviour test, not a timing. A first launch warms the instance's caches
 * (registrations, the live login count, the resource link); then a person's first launch and their
 * return are counted.
 *
 * <p>No answer reads the registrations' generation any more: it is kept in memory and follows
 * changes on every instance through PostgreSQL's notifications ({@code RegistrationChanges},
 * docs/architecture.md, decision 13), so these are all the statements a launch sends.
 */
abstract class LaunchRoundTripsChecks {
  /** A returning student: insert the login state, read it, insert the nonce, read the landing page. */
  static final int RETURNING_STATEMENTS = 4;
  /** A person's first launch also inserts their course membership (find, then insert). */
  static final int FIRST_LAUNCH_STATEMENTS = 6;
  /** The login state's insert, the launch's writes: at most two transactions. */
  static final int MAX_COMMITS = 2;
  /** A unit page read again (the first read warmed the caches): three statements, no commit. */
  static final int UNIT_READ_STATEMENTS = 3;

  private static final Pattern COUNTS = Pattern.compile("statements=(\\d+); commits=(\\d+)");

  record Cost(int statements, int commits) {
    Cost plus(Cost other) {
      return new Cost(statements + other.statements, commits + other.commits);
    }
  }

  @Test
  void aReturningStudentsLaunchCostsFourStatementsInAtMostTwoTransactions() throws Exception {
    String tag = Long.toString(System.nanoTime(), 36);
    launch("rt-warm-" + tag); // caches of this instance: registration, live logins, the resource link
    Cost first = launch("rt-" + tag);
    Cost again = launch("rt-" + tag);
    System.out.println("Launch round trips (" + getClass().getSimpleName() + "): first launch of a person "
        + first + ", returning " + again);
    assertTrue(again.statements() <= RETURNING_STATEMENTS, "returning student: " + again);
    assertTrue(again.commits() <= MAX_COMMITS, "returning student: " + again);
    assertTrue(first.statements() <= FIRST_LAUNCH_STATEMENTS, "first launch of a person: " + first);
    assertTrue(first.commits() <= MAX_COMMITS, "first launch of a person: " + first);
  }

  @Test
  void aUnitPageReadCostsThreeStatements() throws Exception {
    String tag = Long.toString(System.nanoTime(), 36);
    launch("rt-warm-unit-" + tag);
    Browser browser = new Browser();
    String unit = launch(browser, "rt-unit-" + tag).landing().url().replace("/app?", "/app/units/data-protection?");
    assertEquals(200, browser.get(unit).status(), "the first read of the unit");
    Browser.Page again = browser.get(unit);
    assertEquals(200, again.status(), again.body());
    Cost read = cost(again);
    System.out.println("Unit page read (" + getClass().getSimpleName() + "): " + read);
    assertTrue(read.statements() <= UNIT_READ_STATEMENTS, "unit page read: " + read);
  }

  @Test
  void aPageIsSentInOnePieceWithItsLengthInUtf8Bytes() throws Exception {
    Browser browser = new Browser();
    String landing = launch(browser, "rt-length-" + Long.toString(System.nanoTime(), 36)).landing().url();
    for (String url : new String[] {landing, landing.replace("/app?", "/app/units/digital-identity?")}) {
      Browser.Page page = browser.get(url);
      assertEquals(200, page.status(), page.body());
      assertTrue(page.body().chars().anyMatch(c -> c > 127), "the page has characters beyond ASCII: " + url);
      assertEquals(Integer.toString(page.body().getBytes(StandardCharsets.UTF_8).length),
          page.header("Content-Length"), url);
      assertEquals(null, page.header("Transfer-Encoding"), url);
      assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
    }
  }

  /** A launch done: what the tool's three answers cost, and the page the student landed on. */
  record Launched(Cost cost, Browser.Page landing) {}

  /** One complete launch of a student of course A; returns what the tool's three answers cost. */
  static Cost launch(String userId) throws Exception {
    return launch(new Browser(), userId).cost();
  }

  private static Launched launch(Browser browser, String userId) throws Exception {
    MockPlatforms platforms = MockPlatforms.get();
    LtiLogin login = LtiLogin.start(browser, "a", "client-a1", "dep-1");
    assertEquals(302, login.answer().status(), login.answer().body());
    String token = MockPlatforms.sign(platforms.key("a"), MockPlatforms.resourceLinkLaunch(
        "a", "client-a1", "dep-1", login.nonce(), userId, "Learner").build());
    Browser.Page launched = login.launch(browser, token);
    assertEquals(303, launched.status(), launched.body());
    Browser.Page landing = browser.follow(launched);
    assertEquals(200, landing.status(), landing.body());
    assertEquals("Student", landing.fact("role"));
    System.out.println("  " + userId + ": login " + cost(login.answer()) + ", launch " + cost(launched)
        + ", landing page " + cost(landing));
    return new Launched(cost(login.answer()).plus(cost(launched)).plus(cost(landing)), landing);
  }

  private static Cost cost(Browser.Page page) {
    String header = page.header("X-Somework-Db");
    assertTrue(header != null, "the server counts statements (somework.db.count-statements): " + page.url());
    Matcher m = COUNTS.matcher(header);
    assertTrue(m.matches(), header);
    return new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }
}
