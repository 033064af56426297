package eu.somework.platform;

import eu.somework.web.Messages;
import eu.somework.web.Templates;
import java.util.List;
import java.util.Optional;

/**
 * The administrators' check of the platform's grade and roster services
 * ({@code platform/services.jte}): the scopes granted, or why the token was refused.
 */
final class ServicesPage {
  private ServicesPage() {}

  /** What the check shows; {@code refusal} is present when the platform refused the token. */
  record View(Messages text, String platformName, String issuer, List<String> grantedScopes,
      Optional<String> refusal) {}

  static String granted(Messages text, String platformName, String issuer, List<String> scopes) {
    return Templates.render("platform/services.jte", new View(text, platformName, issuer, scopes, Optional.empty()));
  }

  static String refused(Messages text, String platformName, String issuer, String reason) {
    return Templates.render("platform/services.jte", new View(text, platformName, issuer, List.of(),
        Optional.of(reason)));
  }
}
