package eu.somework.module;

import eu.somework.content.Unit;
import eu.somework.progress.LearnerProgress;
import eu.somework.progress.ProgressStatus;

import eu.somework.session.ToolRole;
import eu.somework.session.ToolSession;
import eu.somework.web.Messages;
import eu.somework.web.Templates;
import eu.somework.web.UiLanguage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The module overview a launch lands on ({@code module/module.jte}): who you are in which course,
 * then the units in order, each with its summary, duration and — for a student — how far they are
 * with it.
 */
final class ModulePage {
  private ModulePage() {}

  /** What the overview shows; links are built, not yet escaped (the template escapes them). */
  record View(UiLanguage language, Messages text, String heading, boolean anonymous, List<Fact> facts,
      Optional<String> progressUrl, Optional<String> servicesUrl, Optional<String> myDataUrl, List<UnitItem> units,
      LanguageSwitcher.Form switcher, String emptyText) {}

  /** A launch fact; {@code id} is its {@code data-fact}, which the integration tests read. */
  record Fact(String label, String value, String id) {}

  /**
   * A unit in the list. {@code lang}/{@code dir} are set only when the unit is served in another
   * language than the page's; {@code status} is null when the viewer's progress is not tracked.
   */
  record UnitItem(String url, String title, String summary, String lang, String dir, String duration,
      boolean inEnglish, StatusBadge status) {}

  static String render(ToolSession session, UiLanguage language, AppLinks links, String path, List<Unit> units,
      Map<String, ProgressStatus> statuses) {
    Messages text = Messages.of(language);
    String name = session.displayName().orElse(text.get("user.unnamed"));
    List<Fact> facts = List.of(
        new Fact(text.get("home.role"), text.get("role." + session.role().name()), "role"),
        new Fact(text.get("home.course"), session.contextTitle().orElse(session.contextId()), "course"),
        new Fact(text.get("home.link"), session.resourceLinkTitle().or(session::resourceLinkId).orElse("—"), "link"),
        new Fact(text.get("home.platform"), session.issuer(), "platform"));
    boolean showStatus = LearnerProgress.tracks(session);
    List<UnitItem> items = units.stream()
        .map(unit -> item(unit, language, text, links,
            showStatus ? statuses.getOrDefault(unit.id(), ProgressStatus.NOT_STARTED) : null))
        .toList();
    View view = new View(language, text, session.isAnonymous() ? "SoMe@Work" : text.get("home.welcome", name),
        session.isAnonymous(), facts,
        session.role().canTeach() ? Optional.of(links.url(AppLinks.PROGRESS)) : Optional.empty(),
        session.role() == ToolRole.ADMINISTRATOR ? Optional.of(links.url(AppLinks.SERVICES)) : Optional.empty(),
        session.isAnonymous() || session.role() == ToolRole.GUEST ? Optional.empty()
            : Optional.of(links.url(AppLinks.MY_DATA)),
        items, LanguageSwitcher.form(language, links, path),
        // a teacher cannot ask their teacher: they are told where the units come from
        text.get(session.role().canTeach() ? "module.emptyTeacher" : "module.empty"));
    return Templates.render("module/module.jte", view);
  }

  private static UnitItem item(Unit unit, UiLanguage language, Messages text, AppLinks links, ProgressStatus status) {
    UiLanguage served = unit.servedLanguage(language);
    boolean other = served != language;
    return new UnitItem(links.url(AppLinks.unit(unit.id())), unit.title(language), unit.summary(language),
        other ? served.code() : null, other ? served.dir() : null,
        text.get("module.duration", unit.estimatedMinutes()), other,
        status == null ? null : StatusBadge.of(text, status, "module.yourStatus"));
  }
}
