package eu.somework.deeplinking;

import eu.somework.content.Unit;
import eu.somework.lti.DeepLinkingResponse;
import eu.somework.lti.SubmissionReview;
import eu.somework.lti.ags.ActivityProgress;
import eu.somework.web.UiLanguage;
import java.util.Map;
import java.util.Optional;

/**
 * How a chosen unit becomes a content item: its title and summary in the teacher's language, the
 * custom parameter {@code unit} that opens it, and — when graded — a line item whose maximum is
 * the unit's rubric total and which advertises submission review.
 */
final class UnitPlacement {
  static final String MODULE_TITLE = "SoMe@Work";
  static final String LINE_ITEM_TAG = "reflection";

  private UnitPlacement() {}

  static DeepLinkingResponse.ResourceLinkItem of(Unit unit, UiLanguage language, boolean graded) {
    return of(unit, language, graded, Optional.empty());
  }

  /**
   * As {@link #of(Unit, UiLanguage, boolean)}; a graded unit's line item also advertises submission
   * review (LTI Submission Review Service 1.0 §3) with {@code reviewLabel} as the platform's action
   * text. No {@code url}: the review launch goes to the link's own launch URL with its custom
   * {@code unit}, which is how the tool finds the unit.
   */
  static DeepLinkingResponse.ResourceLinkItem of(Unit unit, UiLanguage language, boolean graded,
      Optional<String> reviewLabel) {
    String title = unit.title(language);
    SubmissionReview review =
        // the activity progress of the tool's scores once there is something to review: waiting, graded
        SubmissionReview.whenProgressIs(reviewLabel, ActivityProgress.Submitted, ActivityProgress.Completed);
    Optional<DeepLinkingResponse.LineItem> lineItem = graded
        ? Optional.of(new DeepLinkingResponse.LineItem(unit.maxPoints(), title, unit.id(), LINE_ITEM_TAG,
            Optional.of(review)))
        : Optional.empty();
    return new DeepLinkingResponse.ResourceLinkItem(title, Optional.of(unit.summary(language)),
        Map.of("unit", unit.id()), lineItem);
  }

  /** The whole module as one activity: it opens the overview of all units. */
  static DeepLinkingResponse.ResourceLinkItem wholeModule(String title, String text) {
    return new DeepLinkingResponse.ResourceLinkItem(title, Optional.of(text), Map.of(), Optional.empty());
  }
}
