package eu.somework.deeplinking;

import eu.somework.content.Unit;
import eu.somework.session.ToolSession;
import eu.somework.web.Messages;
import eu.somework.web.Templates;
import java.util.List;
import java.util.Optional;

/** The deep-linking catalogue ({@code deeplinking/catalogue.jte}): units to pick, each optionally graded. */
final class CataloguePage {
  private CataloguePage() {}

  /**
   * What the catalogue shows: the form's target and session, whether the platform takes resource
   * links and line items, one checkbox per unit (a radio button when the platform takes one item).
   */
  record View(Messages text, String action, String token, boolean acceptsResourceLinks, boolean acceptLineItem,
      String inputType, List<Pick> picks, Optional<String> problem) {}

  /** A unit to pick: its id (the form value), title and its minutes and points. */
  record Pick(String id, String title, String facts) {}

  static String render(Messages text, String token, ToolSession.DeepLinkingReturn dl, List<Unit> units,
      Optional<String> problem) {
    List<Pick> picks = units.stream()
        .map(unit -> new Pick(unit.id(), unit.title(text.language()),
            text.get("dl.unitFacts", unit.estimatedMinutes(), unit.maxPoints())))
        .toList();
    return Templates.render("deeplinking/catalogue.jte", new View(text, "/app/deep-linking", token,
        dl.acceptsResourceLinks(), dl.acceptLineItem(), dl.acceptMultiple() ? "checkbox" : "radio", picks, problem));
  }
}
