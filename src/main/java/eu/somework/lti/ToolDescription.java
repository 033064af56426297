package eu.somework.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the tool tells a platform about itself in a client registration request (Dynamic
 * Registration 1.0 §3.5.2: OpenID Connect Dynamic Client Registration metadata plus the
 * {@code https://purl.imsglobal.org/spec/lti-tool-configuration} claim).
 *
 * @param clientName the tool's name, as the platform lists it
 * @param description one sentence on what the tool is, for the platform's tool list
 * @param initiateLoginUri the tool's OIDC login initiation URL
 * @param launchUri the tool's redirect URI, resource link target and deep-linking target alike
 * @param jwksUri the tool's published key set
 */
public record ToolDescription(String clientName, String description, URI initiateLoginUri, URI launchUri,
    URI jwksUri) {

  /** The claim of LTI-specific tool metadata (Dynamic Registration 1.0 §3.5.2.1). */
  public static final String TOOL_CLAIM = "https://purl.imsglobal.org/spec/lti-tool-configuration";
  /** The OIDC claims the tool asks for; it works without the name and email ones (LTI-NOTES.md). */
  public static final List<String> CLAIMS = List.of("iss", "sub", "name", "given_name", "family_name", "email");
  /**
   * The service scopes the tool uses: line items, results and scores (AGS 2.0 §3.1) and the course
   * roster (NRPS 2.0 §2.3). Only those the platform lists are asked for.
   */
  public static final Set<String> SERVICE_SCOPES = Set.of(
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
      "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
      "https://purl.imsglobal.org/spec/lti-ags/scope/score",
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
  static final String RESOURCE_LINK = "LtiResourceLinkRequest";
  static final String DEEP_LINKING = "LtiDeepLinkingRequest";
  static final String SUBMISSION_REVIEW = "LtiSubmissionReviewRequest";
  /** Where a deep-linking request is offered when the platform names no placement for it. */
  static final List<String> DEFAULT_DEEP_LINKING_PLACEMENTS = List.of("ContentArea");

  /**
   * The client registration request for {@code platform}, as a JSON object.
   *
   * <p>{@code application_type} web, {@code response_types} [id_token], {@code grant_types}
   * [implicit, client_credentials], {@code token_endpoint_auth_method} private_key_jwt;
   * {@code scope}: the {@link #SERVICE_SCOPES} the platform lists, space-separated (absent when it
   * lists none of them); the tool-configuration claim with the domain (host, and port when one is
   * written), the target link URI, the {@link #CLAIMS} and the messages: a resource link launch,
   * deep linking in the placements the platform names for it (else {@code ContentArea}), and a
   * submission review when the platform lists that message.
   */
  public Map<String, Object> registrationRequest(PlatformConfiguration platform) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("application_type", "web");
    request.put("response_types", List.of("id_token"));
    request.put("grant_types", List.of("implicit", "client_credentials"));
    request.put("initiate_login_uri", initiateLoginUri.toString());
    request.put("redirect_uris", List.of(launchUri.toString()));
    request.put("client_name", clientName);
    request.put("jwks_uri", jwksUri.toString());
    request.put("token_endpoint_auth_method", "private_key_jwt");
    List<String> scopes = platform.scopesSupported().stream().filter(SERVICE_SCOPES::contains).distinct().sorted()
        .toList();
    if (!scopes.isEmpty()) {
      request.put("scope", String.join(" ", scopes));
    }
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("domain", launchUri.getHost() + (launchUri.getPort() < 0 ? "" : ":" + launchUri.getPort()));
    tool.put("target_link_uri", launchUri.toString());
    tool.put("description", description);
    tool.put("claims", CLAIMS);
    tool.put("messages", messages(platform));
    request.put(TOOL_CLAIM, tool);
    return request;
  }

  /** {@link #registrationRequest} as JSON text. */
  public String registrationRequestJson(PlatformConfiguration platform) {
    return JSONObjectUtils.toJSONString(registrationRequest(platform));
  }

  private List<Map<String, Object>> messages(PlatformConfiguration platform) {
    Map<String, Object> resourceLink = message(RESOURCE_LINK);
    Map<String, Object> deepLinking = message(DEEP_LINKING);
    List<String> placements = platform.message(DEEP_LINKING).map(PlatformConfiguration.SupportedMessage::placements)
        .filter(p -> !p.isEmpty()).orElse(DEFAULT_DEEP_LINKING_PLACEMENTS);
    deepLinking.put("placements", placements);
    if (platform.message(SUBMISSION_REVIEW).isEmpty()) {
      return List.of(resourceLink, deepLinking);
    }
    return List.of(resourceLink, deepLinking, message(SUBMISSION_REVIEW));
  }

  private Map<String, Object> message(String type) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", type);
    message.put("target_link_uri", launchUri.toString());
    message.put("label", clientName);
    return message;
  }
}
