package eu.somework.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.config.Settings;
import eu.somework.lti.PlatformRegistration;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may frame the tool and receive its forms: the registered platforms, not everybody. */
class ContentSecurityPolicyTest {
  final Map<String, String> config = new HashMap<>();
  final List<PlatformRegistration> registered = new ArrayList<>();
  ContentSecurityPolicy csp;

  @BeforeEach
  void open() {
    csp = new ContentSecurityPolicy();
    csp.platforms = new PlatformDirectory() {
      @Override
      public List<PlatformRegistration> all() {
        return registered;
      }
    };
    csp.settings = new Settings() {
      @Override
      public Optional<String> get(String key) {
        return Optional.ofNullable(config.get(key));
      }
    };
    config.put("somework.base-url", "https://tool.example.org");
    config.put("somework.simulator.enabled", "false");
  }

  void register(String issuer, String authorizationEndpoint) {
    registered.add(new PlatformRegistration("LMS", issuer, "client-" + issuer.length(), Set.of("1"),
        URI.create(authorizationEndpoint), URI.create(issuer + "/token"), URI.create(issuer + "/jwks")));
  }

  static String directive(String policy, String name) {
    for (String d : policy.split(";")) {
      if (d.trim().startsWith(name + " ")) {
        return d.trim();
      }
    }
    return "";
  }

  @Test
  void registeredPlatformsMayFrameTheToolAndReceiveItsForms() {
    register("https://moodle.example.edu", "https://moodle.example.edu/mod/lti/auth.php");
    register("https://canvas.instructure.com", "https://sso.canvaslms.com/api/lti/authorize_redirect");

    String policy = csp.forToolPages();

    String expected = "'self' https://canvas.instructure.com https://moodle.example.edu https://sso.canvaslms.com"
        + " https://tool.example.org";
    assertEquals("frame-ancestors " + expected, directive(policy, "frame-ancestors"));
    assertEquals("form-action " + expected, directive(policy, "form-action"));
  }

  @Test
  void anUnregisteredSiteMayNotFrameTheTool() {
    register("https://moodle.example.edu", "https://moodle.example.edu/mod/lti/auth.php");

    String policy = csp.forToolPages();

    assertFalse(policy.contains("*"), policy);
    assertFalse(policy.contains("evil.example.net"), policy);
    assertTrue(policy.contains("script-src 'self'"), policy);
  }

  @Test
  void extraOriginsFromTheConfigurationAreAdded() {
    config.put("somework.csp.extra-origins", "https://school.instructure.com, https://x.example.org/path");

    String ancestors = directive(csp.forToolPages(), "frame-ancestors");

    assertEquals("frame-ancestors 'self' https://school.instructure.com https://tool.example.org"
        + " https://x.example.org", ancestors);
  }

  @Test
  void withTheSimulatorOnALoopbackToolIsAlsoItselfUnderTheOtherLoopbackNames() {
    config.put("somework.base-url", "http://localhost:8080");
    config.put("somework.simulator.enabled", "true");

    assertEquals("frame-ancestors 'self' http://127.0.0.1:8080 http://[::1]:8080 http://localhost:8080",
        directive(csp.forToolPages(), "frame-ancestors"));
  }

  @Test
  void withTheSimulatorOffLoopbackAliasesAreNotAdded() {
    config.put("somework.base-url", "http://localhost:8080");

    assertEquals("frame-ancestors 'self' http://localhost:8080", directive(csp.forToolPages(), "frame-ancestors"));
  }

  @Test
  void onlyOriginsReachTheHeader() {
    assertEquals(Optional.of("https://moodle.example.edu:8443"),
        ContentSecurityPolicy.origin("HTTPS://Moodle.Example.edu:8443/mod/lti/auth.php?x=1;y"));
    assertEquals(Optional.empty(), ContentSecurityPolicy.origin("javascript:alert(1)"));
    assertEquals(Optional.empty(), ContentSecurityPolicy.origin("https://a b.example/"));
    assertEquals(Optional.empty(), ContentSecurityPolicy.origin("*"));
  }

  @Test
  void theSimulatorPageIsFramedByNobodyElse() {
    String policy = SecurityHeaders.policyFraming("'self' http://localhost:8080");

    assertEquals("frame-ancestors 'self'", directive(policy, "frame-ancestors"));
    assertEquals("frame-src 'self' http://localhost:8080", directive(policy, "frame-src"));
  }
}
