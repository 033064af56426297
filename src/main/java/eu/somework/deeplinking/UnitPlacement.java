package eu.somework.deeplinking;

import eu.somework.content.Unit;
import eu.somework.lti.DeepLinkingResponse;
import eu.somework.web.UiLanguage;
import java.util.Map;
import java.util.Optional;

/**
 * How a chosen unit becomes a content item: its title and summary in the teacher's language, the
 * custom parameter {@code unit} that opens it, and — when graded — a line item whose maximum is
 * the unit's rubric total.
 */
final class UnitPlacement {
  static final String MODULE_TITLE = "SoMe@Work";
  static final String LINE_ITEM_TAG = "reflection";

  private UnitPlacement() {}

  static DeepLinkingResponse.ResourceLinkItem of(Unit unit, UiLanguage language, boolean graded) {
    String title = unit.title(language);
    Optional<DeepLinkingResponse.LineItem> lineItem = graded
        ? Optional.of(new DeepLinkingResponse.LineItem(unit.maxPoints(), title, unit.id(), LINE_ITEM_TAG))
        : Optional.empty();
    return new DeepLinkingResponse.ResourceLinkItem(title, Optional.of(unit.summary(language)),
        Map.of("unit", unit.id()), lineItem);
  }

  /** The whole module as one activity: it opens the overview of all units. */
  static DeepLinkingResponse.ResourceLinkItem wholeModule(String title, String text) {
    return new DeepLinkingResponse.ResourceLinkItem(title, Optional.of(text), Map.of(), Optional.empty());
  }
}
