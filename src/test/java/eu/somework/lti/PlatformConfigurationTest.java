package eu.somework.lti;

import static eu.somework.lti.LtiAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Reading a platform's OpenID configuration (Dynamic Registration 1.0 §3.4, §3.5.1): Moodle 3.11's
 * and 4.x's as they are, and each refusal with exactly one thing changed from a valid one.
 */
class PlatformConfigurationTest {
  static final URI CONFIG_URL = URI.create("https://moodle.example.edu/mod/lti/openid-configuration.php");

  static String fixture(String name) {
    try (InputStream in = PlatformConfigurationTest.class.getResourceAsStream("/dynreg/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Moodle 4.x's configuration with one change. */
  static String moodle4With(Consumer<Map<String, Object>> change) throws Exception {
    Map<String, Object> json = JSONObjectUtils.parse(fixture("moodle-4.x-configuration.json"));
    change.accept(json);
    return JSONObjectUtils.toJSONString(json);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> platformClaim(Map<String, Object> json) {
    return (Map<String, Object>) json.get(PlatformConfiguration.PLATFORM_CLAIM);
  }

  @Test
  void moodle4ConfigurationIsReadWithMessageObjects() throws Exception {
    PlatformConfiguration c = PlatformConfiguration.read(fixture("moodle-4.x-configuration.json"), CONFIG_URL);
    assertEquals("https://moodle.example.edu", c.issuer());
    assertEquals(URI.create("https://moodle.example.edu/mod/lti/auth.php"), c.authorizationEndpoint());
    assertEquals(URI.create("https://moodle.example.edu/mod/lti/token.php"), c.tokenEndpoint());
    assertEquals(URI.create("https://moodle.example.edu/mod/lti/certs.php"), c.jwksUri());
    assertEquals(URI.create("https://moodle.example.edu/mod/lti/openid-registration.php"), c.registrationEndpoint());
    assertTrue(c.isMoodle());
    assertEquals(Optional.of("4.3.2 (Build: 20231222)"), c.version());
    assertEquals(List.of("ContentArea"), c.message("LtiDeepLinkingRequest").orElseThrow().placements());
    assertTrue(c.message("LtiSubmissionReviewRequest").isPresent());
  }

  @Test
  void moodle311ConfigurationIsReadWithMessageNamesAndItsAuthorizationEndpointDerived() throws Exception {
    PlatformConfiguration c = PlatformConfiguration.read(fixture("moodle-3.11-configuration.json"), CONFIG_URL);
    assertEquals(List.of("LtiResourceLinkRequest", "LtiDeepLinkingRequest"),
        c.messagesSupported().stream().map(PlatformConfiguration.SupportedMessage::type).toList());
    // 3.11 names its placements once, for the platform as a whole
    assertEquals(List.of("AddContentMenu"), c.message("LtiDeepLinkingRequest").orElseThrow().placements());
    assertEquals(URI.create("https://moodle.example.edu/mod/lti/auth.php"), c.authorizationEndpoint());
    assertFalse(c.message("LtiSubmissionReviewRequest").isPresent());
  }

  @Test
  void listsGivenAsOneSpaceSeparatedStringAreRead() throws Exception {
    PlatformConfiguration c = PlatformConfiguration.read(moodle4With(j -> j.put("scopes_supported",
        "openid https://purl.imsglobal.org/spec/lti-ags/scope/score")), CONFIG_URL);
    assertEquals(List.of("openid", "https://purl.imsglobal.org/spec/lti-ags/scope/score"), c.scopesSupported());
  }

  @Test
  void issuerOnAnotherHostIsRefused() throws Exception {
    LtiException e = assertThrows(LtiException.class, () -> PlatformConfiguration.read(
        moodle4With(j -> j.put("issuer", "https://evil.example.com")), CONFIG_URL));
    assertRejected(e, LtiFailure.PLATFORM_CONFIGURATION_INVALID, "is not on the configuration URL's site");
  }

  @Test
  void issuerOnAnotherPortIsRefused() throws Exception {
    LtiException e = assertThrows(LtiException.class, () -> PlatformConfiguration.read(
        moodle4With(j -> j.put("issuer", "https://moodle.example.edu:8443")), CONFIG_URL));
    assertRejected(e, LtiFailure.PLATFORM_CONFIGURATION_INVALID, "is not on the configuration URL's site");
  }

  @Test
  void issuerWithTheDefaultPortWrittenOutIsTheSameSite() throws Exception {
    PlatformConfiguration c = PlatformConfiguration.read(
        moodle4With(j -> j.put("issuer", "https://moodle.example.edu:443")), CONFIG_URL);
    assertEquals("https://moodle.example.edu:443", c.issuer());
  }

  @Test
  void missingIssuerIsRefused() throws Exception {
    LtiException e = assertThrows(LtiException.class, () -> PlatformConfiguration.read(
        moodle4With(j -> j.remove("issuer")), CONFIG_URL));
    assertRejected(e, LtiFailure.PLATFORM_CONFIGURATION_INVALID, "issuer is missing");
  }

  @Test
  void platformWithoutIdTokenIsRefused() throws Exception {
    LtiException e = assertThrows(LtiException.class, () -> PlatformConfiguration.read(
        moodle4With(j -> j.put("response_types_supported", List.of("code"))), CONFIG_URL));
    assertRejected(e, LtiFailure.PLATFORM_CONFIGURATION_INVALID, "response_types_supported does not include id_token");
  }

  @Test
  void platformWithoutRs256IsRefused() throws Exception {
    LtiException e = assertThrows(LtiException.class, () -> PlatformConfiguration.read(
        moodle4With(j -> j.put("id_token_signing_alg_values_supported", List.of("ES256"))), CONFIG_URL));
    assertRejected(e, LtiFailure.PLATFORM_CONFIGURATION_INVALID,
        "id_token_signing_alg_values_supported does not include RS256");
  }

  @Test
  void platformWithoutPrivateKeyJwtIsRefused() throws Exception {
    LtiException e = assertThrows(LtiException.class, () -> PlatformConfiguration.read(
        moodle4With(j -> j.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"))), CONFIG_URL));
    assertRejected(e, LtiFailure.PLATFORM_CONFIGURATION_INVALID,
        "token_endpoint_auth_methods_supported does not include private_key_jwt");
  }

  @Test
  void plainHttpKeySetOffLoopbackIsRefused() throws Exception {
    LtiException e = assertThrows(LtiException.class, () -> PlatformConfiguration.read(
        moodle4With(j -> j.put("jwks_uri", "http://moodle.example.edu/mod/lti/certs.php")), CONFIG_URL));
    assertRejected(e, LtiFailure.PLATFORM_CONFIGURATION_INVALID, "the jwks_uri must use https");
  }

  @Test
  void registrationEndpointOnAnotherSiteIsRefused() throws Exception {
    LtiException e = assertThrows(LtiException.class, () -> PlatformConfiguration.read(
        moodle4With(j -> j.put("registration_endpoint", "https://collector.example.com/register")), CONFIG_URL));
    assertRejected(e, LtiFailure.PLATFORM_CONFIGURATION_INVALID, "the registration_endpoint is not on the issuer's site");
  }

  @Test
  void missingAuthorizationEndpointOfAPlatformOtherThanMoodleIsRefused() throws Exception {
    LtiException e = assertThrows(LtiException.class, () -> PlatformConfiguration.read(moodle4With(j -> {
      j.remove("authorization_endpoint");
      platformClaim(j).put("product_family_code", "canvas");
    }), CONFIG_URL));
    assertRejected(e, LtiFailure.PLATFORM_CONFIGURATION_INVALID, "authorization_endpoint is missing");
  }

  @Test
  void messageEntryThatIsNeitherNameNorObjectIsRefused() throws Exception {
    LtiException e = assertThrows(LtiException.class, () -> PlatformConfiguration.read(
        moodle4With(j -> platformClaim(j).put("messages_supported", List.of(42))), CONFIG_URL));
    assertRejected(e, LtiFailure.PLATFORM_CONFIGURATION_INVALID, "each entry of messages_supported");
  }

  @Test
  void htmlInsteadOfJsonIsRefused() {
    LtiException e = assertThrows(LtiException.class, () -> PlatformConfiguration.read(
        "<html><body>Log in</body></html>", CONFIG_URL));
    assertRejected(e, LtiFailure.PLATFORM_CONFIGURATION_INVALID, "is not a JSON object");
  }
}
