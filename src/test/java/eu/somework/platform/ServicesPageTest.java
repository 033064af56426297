package eu.somework.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.web.Messages;
import eu.somework.web.UiLanguage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The administrators' service check says what the platform granted, or its refusal as text. */
class ServicesPageTest {
  static final Messages EN = Messages.of(UiLanguage.EN);

  @Test
  void grantedScopesAreListed() {
    String html = ServicesPage.granted(EN, "Moodle", "https://lms.example.org",
        List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"));
    assertTrue(html.contains("data-result=\"granted\""), html);
    assertTrue(html.contains("<li><code>https://purl.imsglobal.org/spec/lti-ags/scope/score</code></li>"), html);
    assertFalse(html.contains("data-result=\"refused\""));
  }

  @Test
  void aRefusalAndAPlatformNameWithMarkupAreText() {
    String html = ServicesPage.refused(EN, "<i>Moodle</i>", "https://lms.example.org",
        "invalid_scope: <script>alert(1)</script>");
    assertTrue(html.contains("<p class=\"problem\" role=\"alert\" data-result=\"refused\">"
        + "invalid_scope: &lt;script&gt;alert(1)&lt;/script&gt;</p>"), html);
    assertTrue(html.contains("&lt;i&gt;Moodle&lt;/i&gt;"), html);
    assertFalse(html.contains("<script>") || html.contains("<i>"), html);
  }
}
