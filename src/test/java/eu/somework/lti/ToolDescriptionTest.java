package eu.somework.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client registration request the tool sends (Dynamic Registration 1.0 §3.5.2), field by field. */
class ToolDescriptionTest {
  static final ToolDescription TOOL = new ToolDescription("SoMe@Work", "Social media at work",
      URI.create("https://tool.example.org/lti/login"), URI.create("https://tool.example.org/lti/launch"),
      URI.create("https://tool.example.org/.well-known/jwks.json"));

  static PlatformConfiguration moodle(String fixture) throws LtiException {
    return PlatformConfiguration.read(PlatformConfigurationTest.fixture(fixture), PlatformConfigurationTest.CONFIG_URL);
  }

  /** The request as the platform parses it. */
  static Map<String, Object> sent(PlatformConfiguration platform) throws Exception {
    return JSONObjectUtils.parse(TOOL.registrationRequestJson(platform));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> toolClaim(Map<String, Object> request) {
    return (Map<String, Object>) request.get(ToolDescription.TOOL_CLAIM);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> messages(Map<String, Object> request) {
    return (List<Map<String, Object>>) toolClaim(request).get("messages");
  }

  @Test
  void registrationRequestHasTheOpenIdFieldsLti13Requires() throws Exception {
    Map<String, Object> r = sent(moodle("moodle-4.x-configuration.json"));
    assertEquals("web", r.get("application_type"));
    assertEquals(List.of("id_token"), r.get("response_types"));
    assertEquals(List.of("implicit", "client_credentials"), r.get("grant_types"));
    assertEquals("https://tool.example.org/lti/login", r.get("initiate_login_uri"));
    assertEquals(List.of("https://tool.example.org/lti/launch"), r.get("redirect_uris"));
    assertEquals("https://tool.example.org/.well-known/jwks.json", r.get("jwks_uri"));
    assertEquals("private_key_jwt", r.get("token_endpoint_auth_method"));
    assertEquals("SoMe@Work", r.get("client_name"), "Moodle refuses a registration without client_name");
  }

  @Test
  void scopeHoldsOnlyTheServiceScopesThePlatformLists() throws Exception {
    // Moodle 4.x lists openid and the four the tool uses
    assertEquals("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"
            + " https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly"
            + " https://purl.imsglobal.org/spec/lti-ags/scope/score"
            + " https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
        sent(moodle("moodle-4.x-configuration.json")).get("scope"));
  }

  @Test
  void scopeLeavesOutWhatThePlatformDoesNotList() throws Exception {
    String onlyScores = PlatformConfigurationTest.moodle4With(j -> j.put("scopes_supported",
        List.of("openid", "https://purl.imsglobal.org/spec/lti-ags/scope/score")));
    PlatformConfiguration platform = PlatformConfiguration.read(onlyScores, PlatformConfigurationTest.CONFIG_URL);
    assertEquals("https://purl.imsglobal.org/spec/lti-ags/scope/score", sent(platform).get("scope"));
  }

  @Test
  void noScopeAtAllWhenThePlatformListsNoServiceScope() throws Exception {
    String none = PlatformConfigurationTest.moodle4With(j -> j.put("scopes_supported", List.of("openid")));
    assertFalse(sent(PlatformConfiguration.read(none, PlatformConfigurationTest.CONFIG_URL)).containsKey("scope"));
  }

  @Test
  void toolConfigurationClaimNamesDomainTargetAndTheClaimsWanted() throws Exception {
    Map<String, Object> claim = toolClaim(sent(moodle("moodle-4.x-configuration.json")));
    assertEquals("tool.example.org", claim.get("domain"));
    assertEquals("https://tool.example.org/lti/launch", claim.get("target_link_uri"));
    assertEquals(List.of("iss", "sub", "name", "given_name", "family_name", "email"), claim.get("claims"));
  }

  @Test
  void domainKeepsAPortThatIsWrittenOut() throws Exception {
    ToolDescription local = new ToolDescription("SoMe@Work", "d", URI.create("http://localhost:18140/lti/login"),
        URI.create("http://localhost:18140/lti/launch"), URI.create("http://localhost:18140/.well-known/jwks.json"));
    Map<String, Object> r = JSONObjectUtils.parse(local.registrationRequestJson(moodle("moodle-4.x-configuration.json")));
    assertEquals("localhost:18140", toolClaim(r).get("domain"));
  }

  @Test
  void moodle4GetsResourceLinkDeepLinkingInItsPlacementAndSubmissionReview() throws Exception {
    List<Map<String, Object>> m = messages(sent(moodle("moodle-4.x-configuration.json")));
    assertEquals(List.of("LtiResourceLinkRequest", "LtiDeepLinkingRequest", "LtiSubmissionReviewRequest"),
        m.stream().map(x -> x.get("type")).toList());
    assertEquals(List.of("ContentArea"), m.get(1).get("placements"));
    m.forEach(x -> assertEquals("https://tool.example.org/lti/launch", x.get("target_link_uri")));
  }

  @Test
  void moodle311GetsDeepLinkingInTheAddContentMenuAndNoSubmissionReview() throws Exception {
    List<Map<String, Object>> m = messages(sent(moodle("moodle-3.11-configuration.json")));
    assertEquals(List.of("LtiResourceLinkRequest", "LtiDeepLinkingRequest"), m.stream().map(x -> x.get("type")).toList());
    assertEquals(List.of("AddContentMenu"), m.get(1).get("placements"));
  }
}
