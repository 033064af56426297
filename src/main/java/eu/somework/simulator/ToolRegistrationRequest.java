package eu.somework.simulator;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/**
 * A tool's client registration request (Dynamic Registration 1.0 §3.5.2), read and checked the way
 * a platform does before it registers anything: OpenID Connect client metadata plus the
 * {@code https://purl.imsglobal.org/spec/lti-tool-configuration} claim. A refusal names the field at
 * fault with the OAuth error of RFC 7591 §3.2.2 ({@code invalid_redirect_uri},
 * {@code invalid_client_metadata}).
 *
 * @param json the request as it was sent (echoed in the answer, §3.6)
 * @param clientName what the platform lists the tool as
 * @param initiateLoginUri the tool's OIDC login initiation URL
 * @param redirectUris where id_tokens may be posted
 * @param jwksUri the tool's key set
 * @param targetLinkUri the tool claim's default launch URL
 * @param scope the space-separated scopes asked for ("" when none)
 */
record ToolRegistrationRequest(Map<String, Object> json, String clientName, URI initiateLoginUri,
    List<String> redirectUris, URI jwksUri, String targetLinkUri, String scope) {
  static final String TOOL_CLAIM = "https://purl.imsglobal.org/spec/lti-tool-configuration";

  /** Why the request was refused: the OAuth error code and a sentence naming the field. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;
    private final String error;

    Invalid(String error, String description) {
      super(description);
      this.error = error;
    }

    String error() {
      return error;
    }
  }

  /**
   * Reads and checks the request body.
   *
   * @throws Invalid when it is not a JSON object, or a required field is missing or wrong
   */
  static ToolRegistrationRequest read(String body) throws Invalid {
    Map<String, Object> json;
    try {
      json = JSONObjectUtils.parse(body == null ? "" : body);
    } catch (ParseException e) {
      throw metadata("The registration request is not a JSON object.");
    }
    require(json, "application_type", "web");
    requireIn(json, "response_types", "id_token");
    requireIn(json, "grant_types", "implicit");
    requireIn(json, "grant_types", "client_credentials");
    require(json, "token_endpoint_auth_method", "private_key_jwt");
    String name = text(json, "client_name");
    if (name.length() > 200) {
      throw metadata("client_name is longer than 200 characters.");
    }
    URI login = url(json, "initiate_login_uri");
    URI jwks = url(json, "jwks_uri");
    List<String> redirects = strings(json, "redirect_uris");
    if (redirects.isEmpty()) {
      throw new Invalid("invalid_redirect_uri", "redirect_uris must list at least one URL.");
    }
    for (String redirect : redirects) {
      if (!isWebUrl(redirect) || redirect.contains(" ")) {
        throw new Invalid("invalid_redirect_uri", "Each of redirect_uris must be an absolute http(s) URL.");
      }
    }
    if (!(json.get(TOOL_CLAIM) instanceof Map<?, ?> tool)) {
      throw metadata("The " + TOOL_CLAIM + " claim is missing.");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> toolClaim = (Map<String, Object>) tool;
    text(toolClaim, "domain");
    String target = url(toolClaim, "target_link_uri").toString();
    String scope = json.get("scope") instanceof String s ? s.strip() : "";
    return new ToolRegistrationRequest(json, name, login, redirects, jwks, target, scope);
  }

  private static void require(Map<String, Object> json, String field, String value) throws Invalid {
    if (!value.equals(json.get(field))) {
      throw metadata(field + " must be " + value + ".");
    }
  }

  private static void requireIn(Map<String, Object> json, String field, String value) throws Invalid {
    if (!strings(json, field).contains(value)) {
      throw metadata(field + " must include " + value + ".");
    }
  }

  private static List<String> strings(Map<String, Object> json, String field) throws Invalid {
    if (json.get(field) instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).toList();
    }
    throw metadata(field + " must be a list of strings.");
  }

  private static String text(Map<String, Object> json, String field) throws Invalid {
    if (json.get(field) instanceof String s && !s.isBlank()) {
      return s.strip();
    }
    throw metadata(field + " is required.");
  }

  private static URI url(Map<String, Object> json, String field) throws Invalid {
    String value = text(json, field);
    if (!isWebUrl(value) || value.length() > 1000) {
      throw metadata(field + " must be an absolute http(s) URL.");
    }
    return URI.create(value);
  }

  private static boolean isWebUrl(String value) {
    try {
      URI uri = new URI(value);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getRawUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static Invalid metadata(String description) {
    return new Invalid("invalid_client_metadata", description);
  }
}
