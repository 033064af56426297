package eu.somework.registration;

import eu.somework.web.Messages;
import eu.somework.web.Templates;

/**
 * The pages of {@code /lti/register}: what was registered ({@code registration/registered.jte}),
 * or why nothing was ({@code registration/refused.jte}), the reason escaped by the template.
 */
final class RegistrationPage {
  private RegistrationPage() {}

  /** What the success page shows. */
  record Done(Messages text, DynamicRegistrations.Registered registered) {}

  /** What the refusal page shows; {@code reason} is the check that failed or the platform's message. */
  record Refused(Messages text, String reason) {}

  static String done(Messages text, DynamicRegistrations.Registered registered) {
    return Templates.render("registration/registered.jte", new Done(text, registered));
  }

  static String refused(Messages text, String reason) {
    return Templates.render("registration/refused.jte", new Refused(text, reason));
  }

  /** The refusal page when the tool does not take Dynamic Registration ({@code somework.registration.dynamic=off}). */
  static String closed(Messages text) {
    return refused(text, text.get("register.closed"));
  }
}
