package eu.somework.deeplinking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.somework.content.ContentCatalogue;
import eu.somework.content.Unit;
import eu.somework.lti.DeepLinkingResponse;
import eu.somework.lti.SubmissionReview;
import eu.somework.web.UiLanguage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a chosen unit becomes a content item (Deep Linking 2.0 §3.4.1, Submission Review Service 1.0 §3). */
class UnitPlacementTest {
  static final Unit UNIT = ContentCatalogue.from(Path.of("module-content")).units().get(0);

  @Test
  void aGradedUnitsLineItemAdvertisesSubmissionReviewWhenSubmittedOrCompleted() {
    DeepLinkingResponse.LineItem lineItem = UnitPlacement.of(UNIT, UiLanguage.EN, true, Optional.of("Open it"))
        .lineItem().orElseThrow();
    SubmissionReview review = lineItem.submissionReview().orElseThrow();
    // the activity progress values of the tool's own scores: a submission waiting, a released grade
    assertEquals(List.of("Submitted", "Completed"), review.reviewableStatus());
    assertEquals(Optional.of("Open it"), review.label());
    assertEquals(Optional.empty(), review.url(), "the review launches the link itself, with its custom unit");
    assertEquals(Map.of(), review.custom());
    assertEquals(UNIT.id(), lineItem.resourceId());
  }

  @Test
  void anUngradedUnitHasNoLineItemToReview() {
    assertEquals(Optional.empty(), UnitPlacement.of(UNIT, UiLanguage.EN, false, Optional.of("Open it")).lineItem());
  }
}
