package eu.somework.simulator;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.somework.config.Settings;
import eu.somework.session.Public;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /simulator/.well-known/openid-configuration}: the simulated platform's OpenID
 * configuration (Dynamic Registration 1.0 §3.4), the {@code openid_configuration} URL the simulator
 * hands to a tool it registers. The issuer is the simulator's, on the URL's own origin (§3.5.1);
 * the registration endpoint is {@link SimulatorRegistrationResource}. A tool may send its
 * registration token along; the configuration is public and does not use it up.
 */
@Path("/simulator/.well-known/openid-configuration")
@Public("the simulated platform's OpenID configuration: public, as a platform's is")
public class SimulatorConfigurationResource {
  /** The messages the simulator can launch with (Dynamic Registration 1.0 §3.4.1). */
  static final List<String> MESSAGES = List.of("LtiResourceLinkRequest", "LtiDeepLinkingRequest",
      SimLaunch.SUBMISSION_REVIEW);

  @Inject Settings settings;

  @GET // any Accept: the configuration is JSON whatever the client asks for
  public Response configuration() {
    return Response.ok(JSONObjectUtils.toJSONString(of(new SimulatedPlatform(settings.baseUrl()))))
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store").build();
  }

  /** The configuration of {@code platform}, as a JSON object. */
  static Map<String, Object> of(SimulatedPlatform platform) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("issuer", platform.issuer());
    json.put("authorization_endpoint", platform.issuer() + "/auth");
    json.put("token_endpoint", platform.tokenEndpoint());
    json.put("jwks_uri", platform.issuer() + "/jwks");
    json.put("registration_endpoint", platform.registrationEndpoint());
    json.put("scopes_supported", new ArrayList<>(new java.util.TreeSet<>(SimulatorTokenResource.SCOPES)));
    json.put("response_types_supported", List.of("id_token"));
    json.put("subject_types_supported", List.of("public"));
    json.put("id_token_signing_alg_values_supported", List.of("RS256"));
    json.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
    json.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
    json.put("claims_supported", List.of("iss", "aud", "sub", "iat", "exp", "nonce", "name", "given_name",
        "family_name"));
    Map<String, Object> lti = new LinkedHashMap<>();
    lti.put("product_family_code", "somework-simulator");
    lti.put("version", "1");
    List<Map<String, Object>> messages = new ArrayList<>();
    for (String type : MESSAGES) {
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("type", type);
      if (type.equals("LtiDeepLinkingRequest")) {
        message.put("placements", List.of("ContentArea"));
      }
      messages.add(message);
    }
    lti.put("messages_supported", messages);
    lti.put("variables", List.of());
    json.put("https://purl.imsglobal.org/spec/lti-platform-configuration", lti);
    return json;
  }
}
