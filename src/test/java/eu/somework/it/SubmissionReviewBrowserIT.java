package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Submission review from the simulator's gradebook, in Chromium: a teacher places a graded unit
 * (its line item advertises submission review), a learner submits, the submission reaches the
 * gradebook, and the row's "Review submission" opens that learner's grading form in the iframe.
 */
@ExtendWith({ArquillianExtension.class, ChromiumPerClass.class})
@RunAsClient
class SubmissionReviewBrowserIT {
  private static final String TOOL = MockPlatforms.TOOL;
  private static final String UNIT = "data-protection";
  // a learner of its own: grades are kept per course and unit, and other test classes on this
  // database grade the fixed students, after which a new submission sends no "Submitted" score
  private static final int NUMBER = 10_000 + new java.util.Random().nextInt(80_000);
  private static final String LEARNER = "sim-learner-" + NUMBER;
  private static Chromium chrome;

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @Test
  void theGradebooksReviewActionOpensTheLearnersSubmissionForTheTeacher() throws Exception {
    String link = placeGradedUnitWithReview();
    String text = "REVIEW-" + UUID.randomUUID();
    SimulatorCourse.submitReflection(LEARNER, link, UNIT, "<p>" + text + ": I keep client data off my own social media.</p>");
    awaitReviewAction();

    chrome.driver.get(TOOL + "/simulator");
    List<WebElement> actions = chrome.driver.findElements(By.cssSelector("button[data-review-user='" + LEARNER + "']"));
    assertFalse(actions.isEmpty());
    WebElement action = actions.get(actions.size() - 1);
    assertEquals("Review submission", action.getText());
    action.click();
    WebElement frame = chrome.visible(By.cssSelector("iframe.tool"));
    chrome.await().until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(frame));
    // login, the platform's authorization with the LtiSubmissionReviewRequest, the launch, the form
    chrome.await().until(d -> String.valueOf(chrome.script("return location.pathname"))
        .equals("/app/grading/" + UNIT + "/" + LEARNER) && !d.findElements(By.cssSelector("main h1")).isEmpty());
    assertTrue(chrome.driver.findElement(By.tagName("main")).getText().contains("Learner " + NUMBER));
    assertTrue(chrome.driver.getPageSource().contains(text), "the learner's submitted reflection");
    assertFalse(chrome.driver.findElements(By.cssSelector("fieldset.criterion")).isEmpty(), "the marking form");
  }

  /** Deep Linking with the unit graded; checks the answer's line item advertises submission review. */
  private static String placeGradedUnitWithReview() throws Exception {
    Browser teacher = new Browser();
    Browser.Page toPlatform = SimulatorCourse.chooseGradedUnit(teacher, UNIT);
    Map<?, ?> item = (Map<?, ?>) SignedJWT.parse(Browser.hiddenFields(toPlatform).get("JWT")).getJWTClaimsSet()
        .getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items").get(0);
    Map<?, ?> review = (Map<?, ?>) ((Map<?, ?>) item.get("lineItem")).get("submissionReview");
    assertEquals(List.of("Submitted", "Completed"), review.get("reviewableStatus"));
    assertEquals("Open the reflection and its grade", review.get("label"));
    return SimulatorCourse.add(teacher, toPlatform, UNIT);
  }

  /** Waits until the learner's Submitted score reached the gradebook (the outbox sends every 2 s). */
  private static void awaitReviewAction() throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    org.jsoup.nodes.Document page;
    while ((page = Jsoup.parse(new Browser().get(TOOL + "/simulator").body()))
        .select("tr:has(button[data-review-user=" + LEARNER + "]) td:contains(Submitted)").isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the learner's submission never reached the simulator's gradebook: "
            + page.select("table.gradebook, ul.received").text());
      }
      Thread.sleep(1000);
    }
  }
}
