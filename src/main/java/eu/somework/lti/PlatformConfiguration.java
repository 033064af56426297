package eu.somework.lti;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A platform's OpenID configuration as Dynamic Registration 1.0 §3.4 describes it (OpenID Connect
 * Discovery 1.0 metadata plus the {@code https://purl.imsglobal.org/spec/lti-platform-configuration}
 * claim), read and checked so that the tool can register with it and launches through the new
 * registration can succeed.
 *
 * <p>Read tolerantly where platforms differ: {@code messages_supported} as a list of message type
 * names (Moodle 3.10/3.11, with the placements in a separate {@code placements} list) or of objects
 * with {@code type} and {@code placements} (Moodle 4.x, the specification); a list field given as
 * one space-separated string. Moodle before 4.0 sends no {@code authorization_endpoint}; for
 * {@code product_family_code} {@code moodle} it is Moodle's fixed {@code /mod/lti/auth.php}.
 *
 * @param issuer the platform's issuer ({@code iss} of its id_tokens)
 * @param authorizationEndpoint where the tool sends the browser in the OIDC login
 * @param tokenEndpoint where the tool asks for service access tokens
 * @param jwksUri the platform's key set
 * @param registrationEndpoint where the client registration is POSTed
 * @param scopesSupported every scope the platform lists (empty when it lists none)
 * @param productFamilyCode e.g. {@code moodle}, {@code canvas}; empty when not said
 * @param version the platform's version, as it says it; empty when not said
 * @param messagesSupported the message types the platform can send, each with the placements it
 *     names for it (possibly none)
 */
public record PlatformConfiguration(
    String issuer,
    URI authorizationEndpoint,
    URI tokenEndpoint,
    URI jwksUri,
    URI registrationEndpoint,
    List<String> scopesSupported,
    Optional<String> productFamilyCode,
    Optional<String> version,
    List<SupportedMessage> messagesSupported) {

  /** The claim of LTI-specific platform metadata (Dynamic Registration 1.0 §3.4.1). */
  public static final String PLATFORM_CLAIM = "https://purl.imsglobal.org/spec/lti-platform-configuration";
  private static final String WHAT = "OpenID configuration";

  public PlatformConfiguration {
    scopesSupported = List.copyOf(scopesSupported);
    messagesSupported = List.copyOf(messagesSupported);
  }

  /** A message type the platform supports and the placements it names for it. */
  public record SupportedMessage(String type, List<String> placements) {
    public SupportedMessage {
      placements = List.copyOf(placements);
    }
  }

  /** True when the platform says it is Moodle ({@code product_family_code} {@code moodle}). */
  public boolean isMoodle() {
    return productFamilyCode.map(code -> code.equalsIgnoreCase("moodle")).orElse(false);
  }

  /** The supported message of this type, if the platform lists it. */
  public Optional<SupportedMessage> message(String type) {
    return messagesSupported.stream().filter(m -> m.type().equals(type)).findFirst();
  }

  /**
   * Reads and checks the configuration fetched from {@code configurationUrl}.
   *
   * @param json the body the platform answered with
   * @param configurationUrl the URL it was fetched from (the {@code openid_configuration} parameter)
   * @return the configuration
   * @throws LtiException {@link LtiFailure#PLATFORM_CONFIGURATION_INVALID}, naming the field at
   *     fault: not a JSON object; issuer missing or not on the configuration URL's origin
   *     (Dynamic Registration 1.0 §3.5.1); an endpoint missing or not https outside loopback; the
   *     registration endpoint on another origin than the issuer (the registration token must go
   *     back to the platform that issued it, nowhere else); no {@code id_token} in
   *     {@code response_types_supported}, no RS256 in {@code id_token_signing_alg_values_supported},
   *     no {@code private_key_jwt} in {@code token_endpoint_auth_methods_supported}; each coded
   *     ({@link LtiException#reasonCode}) {@code configuration.<check>}, as are the
   *     {@link ServiceJson} reasons ({@code configuration.missing}, …)
   */
  public static PlatformConfiguration read(String json, URI configurationUrl) throws LtiException {
    try {
      return readChecked(ServiceJson.object(json, WHAT), configurationUrl);
    } catch (LtiException e) {
      if (e.failure() == LtiFailure.PLATFORM_CONFIGURATION_INVALID) {
        throw e;
      }
      // ServiceJson's coded reasons, as reasons of this document
      throw e.reasonCode().isPresent()
          ? invalid(e.reasonCode().get(), e.getMessage(), e.reasonArguments().toArray(String[]::new))
          : new LtiException(LtiFailure.PLATFORM_CONFIGURATION_INVALID, e.getMessage());
    }
  }

  private static PlatformConfiguration readChecked(Map<String, Object> json, URI configurationUrl)
      throws LtiException {
    String issuer = ServiceJson.requiredString(json, "issuer", WHAT);
    URI issuerUri = uri(issuer, "issuer");
    if (!sameOrigin(issuerUri, configurationUrl)) {
      throw invalid("issuerOrigin", "The platform's " + WHAT + ": the issuer " + issuer
          + " is not on the configuration URL's site (" + origin(configurationUrl) + ").", issuer,
          origin(configurationUrl));
    }
    Map<String, Object> lti = ServiceJson.object(json, PLATFORM_CLAIM, WHAT).orElse(Map.of());
    Optional<String> family = ServiceJson.string(lti, "product_family_code", WHAT);
    URI authorization = json.get("authorization_endpoint") == null
        && family.map("moodle"::equalsIgnoreCase).orElse(false)
        ? URI.create(issuer.replaceAll("/+$", "") + "/mod/lti/auth.php")
        : endpoint(json, "authorization_endpoint");
    URI registration = endpoint(json, "registration_endpoint");
    if (!sameOrigin(registration, issuerUri)) {
      throw invalid("registrationOrigin", "The platform's " + WHAT
          + ": the registration_endpoint is not on the issuer's site (" + origin(issuerUri)
          + "); the tool sends the registration token nowhere else.", origin(issuerUri));
    }
    require(json, "response_types_supported", "id_token");
    require(json, "id_token_signing_alg_values_supported", "RS256");
    require(json, "token_endpoint_auth_methods_supported", "private_key_jwt");
    if (json.get("token_endpoint_auth_signing_alg_values_supported") != null) {
      require(json, "token_endpoint_auth_signing_alg_values_supported", "RS256");
    }
    return new PlatformConfiguration(issuer, authorization, endpoint(json, "token_endpoint"),
        endpoint(json, "jwks_uri"), registration, words(json, "scopes_supported"), family,
        versionOf(lti), messages(lti));
  }

  private static Optional<String> versionOf(Map<String, Object> lti) {
    Object version = lti.get("version");
    // Moodle sends its release text ("4.1.2 (Build: 20230313)"); some platforms a number
    return version instanceof String || version instanceof Number
        ? Optional.of(version.toString().strip()).filter(v -> !v.isEmpty())
        : Optional.empty();
  }

  private static List<SupportedMessage> messages(Map<String, Object> lti) throws LtiException {
    Object value = lti.get("messages_supported");
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw invalid("messagesNotList", "The platform's " + WHAT + ": messages_supported must be a list.");
    }
    // Moodle 3.10/3.11: names only, and one placements list for the platform as a whole
    List<String> platformPlacements = words(lti, "placements");
    List<SupportedMessage> messages = new ArrayList<>();
    for (Object element : list) {
      if (element instanceof String type && !type.isBlank()) {
        messages.add(new SupportedMessage(type.strip(), platformPlacements));
      } else if (element instanceof Map<?, ?> object && object.get("type") instanceof String type) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) object;
        messages.add(new SupportedMessage(type.strip(), words(fields, "placements")));
      } else {
        throw invalid("messageEntry", "The platform's " + WHAT
            + ": each entry of messages_supported must be a message type or an object with a type.");
      }
    }
    return messages;
  }

  private static void require(Map<String, Object> json, String field, String value) throws LtiException {
    if (!words(json, field).contains(value)) {
      throw invalid("lacks", "The platform's " + WHAT + ": " + field + " does not include " + value
          + ", which LTI 1.3 requires.", field, value);
    }
  }

  /** A list of strings, or one string of space-separated words; absent is the empty list. */
  static List<String> words(Map<String, Object> json, String field) throws LtiException {
    Object value = json.get(field);
    if (value == null) {
      return List.of();
    }
    if (value instanceof String text) {
      return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }
    if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).map(String::strip).toList();
    }
    throw invalid("notWords", "The platform's " + WHAT + ": " + field + " must be a list of strings.", field);
  }

  private static URI endpoint(Map<String, Object> json, String field) throws LtiException {
    URI uri = uri(ServiceJson.requiredString(json, field, WHAT), field);
    if (!PlatformEndpoints.isAllowed(uri)) {
      throw invalid("httpsOnly", "The platform's " + WHAT + ": the " + field + " " + PlatformEndpoints.rule() + ".",
          field);
    }
    return uri;
  }

  private static URI uri(String value, String field) throws LtiException {
    try {
      URI uri = new URI(value);
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw invalid("notAbsolute", "The platform's " + WHAT + ": " + field + " is not an absolute URL.", field);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw invalid("notUrl", "The platform's " + WHAT + ": " + field + " is not a URL.", field);
    }
  }

  /** Same scheme, host and port (the default port of the scheme when none is written). */
  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  /** scheme://host[:port], lower-cased, for messages and the page's frame-ancestors. */
  public static String origin(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /**
   * A refusal coded {@code configuration.<code>} ({@link LtiException#coded}), so that the
   * registration page can say it in its reader's language; {@code arguments} are the fields and
   * values the message names.
   */
  private static LtiException invalid(String code, String message, String... arguments) {
    return LtiException.coded(LtiFailure.PLATFORM_CONFIGURATION_INVALID, "configuration." + code, message, arguments);
  }
}
