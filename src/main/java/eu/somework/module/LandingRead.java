package eu.somework.module;

import eu.somework.learner.LanguagePreferences;
import eu.somework.persistence.Transactor;
import eu.somework.progress.ProgressStatus;
import eu.somework.session.ToolSession;
import eu.somework.web.UiLanguage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the landing page shows of the database, read in one query (issue 11: a launch in at most
 * four round trips): the learner's stored language, their name and the link's titles as the latest
 * launch stored them, and their progress in each unit. It reads the tables of {@code learner},
 * {@code course} and {@code progress} directly — the one page that does — because each service
 * reading its own would cost four round trips on the page every launch lands on; what each part
 * means stays with those services ({@code LanguagePreferences.stored}, {@code ResourceLinks.labelled},
 * {@code LearnerProgress.statusesOf}), which the other pages use.
 */
@ApplicationScoped
public class LandingRead {
  @Inject Transactor tx;

  /** The read over a transactor opened outside the container (tests). */
  static LandingRead over(Transactor tx) {
    LandingRead read = new LandingRead();
    read.tx = tx;
    return read;
  }

  /** What the page shows; {@code language} is the stored choice (empty when none or not asked). */
  record Landing(Optional<UiLanguage> language, Optional<String> displayName, Optional<String> contextTitle,
      Optional<String> linkTitle, Map<String, ProgressStatus> statuses) {}

  /**
   * Reads the landing page's data for {@code session}.
   *
   * @param withLanguage whether to read the stored language too (not when the request named one)
   */
  Landing read(ToolSession session, boolean withLanguage) {
    List<String> parts = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    boolean known = !session.isAnonymous() && session.userId().isPresent();
    if (withLanguage && known && LanguagePreferences.canRemember(session)) {
      parts.add("SELECT 'L' AS kind, language AS a, CAST(NULL AS VARCHAR(500)) AS b FROM language_preference"
          + " WHERE issuer = ? AND user_id = ?");
      params.addAll(List.of(session.issuer(), session.userId().get()));
    }
    if (known && session.hasContext()) {
      Object[] member = {session.issuer(), session.clientId(), session.deploymentId(), session.contextId(),
          session.userId().get()};
      parts.add("SELECT 'M', display_name, CAST(NULL AS VARCHAR(500)) FROM course_member WHERE issuer = ?"
          + " AND client_id = ? AND deployment_id = ? AND context_id = ? AND user_id = ?");
      params.addAll(List.of(member));
      parts.add("SELECT 'P', unit_id, status FROM unit_progress WHERE issuer = ? AND client_id = ?"
          + " AND deployment_id = ? AND context_id = ? AND user_id = ?");
      params.addAll(List.of(member));
    }
    if (session.resourceLinkId().isPresent()) {
      parts.add("SELECT 'R', context_title, title FROM resource_link WHERE issuer = ? AND client_id = ?"
          + " AND deployment_id = ? AND resource_link_id = ?");
      params.addAll(List.of(session.issuer(), session.clientId(), session.deploymentId(),
          session.resourceLinkId().get()));
    }
    if (parts.isEmpty()) {
      return new Landing(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }
    List<?> rows = tx.read(em -> {
      jakarta.persistence.Query query = em.createNativeQuery(String.join(" UNION ALL ", parts));
      for (int i = 0; i < params.size(); i++) {
        query.setParameter(i + 1, params.get(i));
      }
      return query.getResultList();
    });
    Optional<UiLanguage> language = Optional.empty();
    Optional<String> name = Optional.empty();
    Optional<String> contextTitle = Optional.empty();
    Optional<String> linkTitle = Optional.empty();
    Map<String, ProgressStatus> statuses = new HashMap<>();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      String a = r[1] == null ? null : r[1].toString();
      String b = r[2] == null ? null : r[2].toString();
      switch (r[0].toString().trim()) {
        case "L" -> language = UiLanguage.fromTag(a);
        case "M" -> name = Optional.ofNullable(a);
        case "R" -> {
          contextTitle = Optional.ofNullable(a);
          linkTitle = Optional.ofNullable(b);
        }
        default -> statuses.put(a, ProgressStatus.valueOf(b));
      }
    }
    return new Landing(language, name, contextTitle, linkTitle, statuses);
  }
}
