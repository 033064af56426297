package eu.somework.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.somework.lti.ClientRegistration;
import eu.somework.lti.PlatformConfiguration;
import eu.somework.lti.ToolDescription;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The simulator's half of Dynamic Registration against the tool's own protocol code: the tool
 * accepts the simulator's OpenID configuration, the simulator accepts the tool's registration
 * request, and the tool reads the simulator's answer. Each refusal changes one field.
 */
class ToolRegistrationRequestTest {
  static final SimulatedPlatform PLATFORM = new SimulatedPlatform("http://localhost:8080");
  static final ToolDescription TOOL = new ToolDescription("SoMe@Work", "A tool.",
      URI.create("http://localhost:8080/lti/login"), URI.create("http://localhost:8080/lti/launch"),
      URI.create("http://localhost:8080/.well-known/jwks.json"));

  static PlatformConfiguration configuration() throws Exception {
    return PlatformConfiguration.read(JSONObjectUtils.toJSONString(SimulatorConfigurationResource.of(PLATFORM)),
        URI.create(PLATFORM.openIdConfigurationUrl()));
  }

  static Map<String, Object> request() throws Exception {
    return new LinkedHashMap<>(TOOL.registrationRequest(configuration()));
  }

  @Test
  void theToolAcceptsTheSimulatorsConfiguration() throws Exception {
    PlatformConfiguration configuration = configuration();
    assertEquals("http://localhost:8080/simulator", configuration.issuer());
    assertEquals(URI.create("http://localhost:8080/simulator/registration"), configuration.registrationEndpoint());
    assertEquals(Optional.of("somework-simulator"), configuration.productFamilyCode());
    assertTrue(configuration.message("LtiDeepLinkingRequest").isPresent());
  }

  @Test
  void theSimulatorAcceptsTheToolsRequestAndTheToolReadsTheAnswer() throws Exception {
    ToolRegistrationRequest request = ToolRegistrationRequest.read(JSONObjectUtils.toJSONString(request()));
    assertEquals(List.of("http://localhost:8080/lti/launch"), request.redirectUris());
    assertEquals("http://localhost:8080/lti/launch", request.targetLinkUri());
    SimClient client = new SimClient("sim-dyn-1", "dyn-1", request.clientName(), request.initiateLoginUri(),
        request.redirectUris(), request.targetLinkUri(), request.jwksUri(),
        Set.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"));
    ClientRegistration answer = ClientRegistration.read(JSONObjectUtils.toJSONString(
        SimulatorRegistrationResource.answer(request, client)));
    assertEquals("sim-dyn-1", answer.clientId());
    assertEquals(Optional.of("dyn-1"), answer.deploymentId());
    assertEquals(List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"), answer.grantedScopes());
  }

  @Test
  void aRequestWithoutRedirectUrisIsRefused() throws Exception {
    Map<String, Object> request = request();
    request.put("redirect_uris", List.of());
    ToolRegistrationRequest.Invalid refused = assertThrows(ToolRegistrationRequest.Invalid.class,
        () -> ToolRegistrationRequest.read(JSONObjectUtils.toJSONString(request)));
    assertEquals("invalid_redirect_uri", refused.error());
  }

  @Test
  void aRequestWithoutJwksUriIsRefused() throws Exception {
    Map<String, Object> request = request();
    request.remove("jwks_uri");
    ToolRegistrationRequest.Invalid refused = assertThrows(ToolRegistrationRequest.Invalid.class,
        () -> ToolRegistrationRequest.read(JSONObjectUtils.toJSONString(request)));
    assertEquals("jwks_uri is required.", refused.getMessage());
  }

  @Test
  void aRequestWithoutTheToolClaimIsRefused() throws Exception {
    Map<String, Object> request = request();
    request.remove(ToolRegistrationRequest.TOOL_CLAIM);
    ToolRegistrationRequest.Invalid refused = assertThrows(ToolRegistrationRequest.Invalid.class,
        () -> ToolRegistrationRequest.read(JSONObjectUtils.toJSONString(request)));
    assertEquals("invalid_client_metadata", refused.error());
    assertTrue(refused.getMessage().contains("lti-tool-configuration claim is missing"), refused.getMessage());
  }

  @Test
  void aLoginUriThatIsNoWebUrlIsRefused() throws Exception {
    Map<String, Object> request = request();
    request.put("initiate_login_uri", "javascript:alert(1)");
    ToolRegistrationRequest.Invalid refused = assertThrows(ToolRegistrationRequest.Invalid.class,
        () -> ToolRegistrationRequest.read(JSONObjectUtils.toJSONString(request)));
    assertEquals("initiate_login_uri must be an absolute http(s) URL.", refused.getMessage());
  }

  @Test
  void aRequestForAnotherAuthMethodIsRefused() throws Exception {
    Map<String, Object> request = request();
    request.put("token_endpoint_auth_method", "client_secret_basic");
    ToolRegistrationRequest.Invalid refused = assertThrows(ToolRegistrationRequest.Invalid.class,
        () -> ToolRegistrationRequest.read(JSONObjectUtils.toJSONString(request)));
    assertEquals("token_endpoint_auth_method must be private_key_jwt.", refused.getMessage());
  }
}
