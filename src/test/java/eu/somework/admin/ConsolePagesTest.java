package eu.somework.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.platform.Registration;
import eu.somework.platform.RegistrationSummary;
import eu.somework.web.ErrorPage;
import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The console's pages without dead ends: the delete page of a registration whose file is still in
 * the folder says so at once (and offers no delete), the error pages link back, and a repeated
 * delete names the registration that was already deleted (whether it was: {@code RegistrationAdminTest}).
 */
class ConsolePagesTest {
  private static final Messages EN = Messages.of(UiLanguage.EN);

  private static RegistrationSummary fileMoodle() {
    return new RegistrationSummary(7, "File Moodle", "https://moodle.example.edu", "file-client",
        Registration.Origin.FILE, true, Instant.parse("2026-12-01T10:00:00Z"), List.of("1"), Optional.of("good.json"));
  }

  @Test
  void theDeletePageOfARegistrationWhoseFileIsThereSaysSoAtOnce() {
    String html = ConsolePages.delete(new ConsolePages.Delete(EN, "csrf", fileMoodle(), Optional.empty(),
        Optional.of("good.json")));
    assertTrue(html.contains("data-result=\"file-first\">This registration comes from the file good.json"), html);
    assertTrue(html.contains("<button type=\"submit\" disabled>"), html);
  }

  @Test
  void theDeletePageOfAnyOtherRegistrationOffersTheDelete() {
    String html = ConsolePages.delete(new ConsolePages.Delete(EN, "csrf", fileMoodle(), Optional.empty(),
        Optional.empty()));
    assertFalse(html.contains("file-first"), html);
    assertTrue(html.contains("<button type=\"submit\">"), html);
  }

  @Test
  void aConsoleErrorPageLinksOnward() {
    String html = (String) ErrorPage.build(Optional.of(UiLanguage.EN), null, 404, "HTTP_404", "There is no registration 3.",
        "abc", Optional.empty(), Optional.of(new ErrorPage.Link("/admin", EN.get("admin.backToConsole")))).getEntity();
    assertTrue(html.contains("<a class=\"button\" data-link=\"onward\" href=\"/admin\">Back to tool administration</a>"),
        html);
    String plain = (String) ErrorPage.build(Optional.of(UiLanguage.EN), null, 404, "HTTP_404", "No.", "abc",
        Optional.empty()).getEntity();
    assertFalse(plain.contains("data-link=\"onward\""), plain);
  }

  @Test
  void aRepeatedDeleteSaysWhichRegistrationWasAlreadyDeleted() {
    assertEquals("Registration 3 was already deleted.", EN.get("admin.alreadyDeleted", "3"));
  }
}
