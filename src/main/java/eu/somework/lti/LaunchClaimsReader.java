package eu.somework.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and checks the LTI claims of a signed, verified id_token (LTI Core §5.3 and §5.4, Deep
 * Linking §4.4). A claim of the wrong JSON type is an error naming the claim.
 */
final class LaunchClaimsReader {

  LtiLaunch read(JWTClaimsSet claims, PlatformRegistration registration) throws LtiException {
    String deploymentId = string(claims, LtiClaim.DEPLOYMENT_ID)
        .orElseThrow(() -> new LtiException(LtiFailure.DEPLOYMENT_MISSING, "The launch has no deployment_id."));
    // LTI §5.3.3: the deployment must be one the tool knows for this registration
    if (!registration.hasDeployment(deploymentId)) {
      throw new LtiException(
          LtiFailure.UNKNOWN_DEPLOYMENT,
          "The deployment '" + deploymentId + "' is not registered for this platform.");
    }
    String version = string(claims, LtiClaim.VERSION).orElse(null);
    if (!LtiClaim.LTI_VERSION.equals(version)) {
      throw new LtiException(
          LtiFailure.WRONG_VERSION, "The launch's LTI version is '" + version + "', not 1.3.0.");
    }
    String typeName = string(claims, LtiClaim.MESSAGE_TYPE).orElse(null);
    MessageType type = MessageType.fromWire(typeName).orElseThrow(() -> new LtiException(
        LtiFailure.UNSUPPORTED_MESSAGE_TYPE,
        "This tool does not support the message type '" + typeName + "'."));
    List<String> roles = roles(claims);
    Optional<LtiLaunch.ResourceLink> link = resourceLink(claims);
    if (type == MessageType.RESOURCE_LINK && link.isEmpty()) {
      throw new LtiException(
          LtiFailure.RESOURCE_LINK_MISSING, "The resource link launch has no resource_link id.");
    }
    Optional<DeepLinkingSettings> deepLinking = deepLinking(claims);
    if (type == MessageType.DEEP_LINKING && deepLinking.isEmpty()) {
      throw new LtiException(
          LtiFailure.DEEP_LINK_RETURN_URL_MISSING,
          "The deep linking request has no deep_linking_settings claim.");
    }
    String targetLinkUri = string(claims, LtiClaim.TARGET_LINK_URI).orElse("");
    // LTI Core §5.3.6 (target_link_uri is REQUIRED in a resource link launch)
    if (type == MessageType.RESOURCE_LINK && targetLinkUri.isEmpty()) {
      throw new LtiException(LtiFailure.CLAIM_INVALID, "The resource link launch has no target_link_uri.");
    }
    Optional<Map<String, Object>> presentation = object(claims, LtiClaim.LAUNCH_PRESENTATION);
    return new LtiLaunch(
        registration.issuer(),
        registration.clientId(),
        deploymentId,
        string(claims, "sub").filter(s -> !s.isEmpty()),
        type,
        roles,
        LaunchRole.fromLti(roles),
        context(claims),
        link,
        presentation.flatMap(p -> text(p.get("locale"))),
        displayName(claims),
        custom(claims),
        deepLinking,
        gradeService(claims),
        object(claims, LtiClaim.NRPS).flatMap(n -> text(n.get("context_memberships_url"))),
        presentation.flatMap(p -> text(p.get("return_url"))),
        targetLinkUri);
  }

  private static List<String> roles(JWTClaimsSet claims) throws LtiException {
    if (claims.getClaim(LtiClaim.ROLES) == null) {
      throw new LtiException(LtiFailure.CLAIM_INVALID, "The launch has no roles claim.");
    }
    try {
      return claims.getStringListClaim(LtiClaim.ROLES);
    } catch (ParseException e) {
      throw invalid(LtiClaim.ROLES, "an array of strings");
    }
  }

  private static Optional<LtiLaunch.ResourceLink> resourceLink(JWTClaimsSet claims) throws LtiException {
    Optional<Map<String, Object>> link = object(claims, LtiClaim.RESOURCE_LINK);
    Optional<String> id = link.flatMap(l -> text(l.get("id")));
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new LtiLaunch.ResourceLink(id.get(), text(link.get().get("title"))));
  }

  private static Optional<LtiLaunch.Context> context(JWTClaimsSet claims) throws LtiException {
    Optional<Map<String, Object>> context = object(claims, LtiClaim.CONTEXT);
    if (context.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> id = text(context.get().get("id"));
    if (id.isEmpty()) {
      throw new LtiException(LtiFailure.CLAIM_INVALID, "The context claim has no id.");
    }
    return Optional.of(new LtiLaunch.Context(
        id.get(), text(context.get().get("label")), text(context.get().get("title"))));
  }

  private static Optional<DeepLinkingSettings> deepLinking(JWTClaimsSet claims) throws LtiException {
    Optional<Map<String, Object>> settings = object(claims, LtiClaim.DEEP_LINKING_SETTINGS);
    if (settings.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> s = settings.get();
    Optional<String> returnUrl = text(s.get("deep_link_return_url"));
    if (returnUrl.isEmpty()) {
      throw new LtiException(
          LtiFailure.DEEP_LINK_RETURN_URL_MISSING,
          "The deep linking request has no deep_link_return_url.");
    }
    URI url;
    try {
      url = URI.create(returnUrl.get());
    } catch (IllegalArgumentException e) {
      throw invalid(LtiClaim.DEEP_LINKING_SETTINGS + " deep_link_return_url", "a URL");
    }
    return Optional.of(new DeepLinkingSettings(
        url,
        stringList(s.get("accept_types"), "accept_types"),
        stringList(s.get("accept_presentation_document_targets"), "accept_presentation_document_targets"),
        // absent means the platform did not say it accepts them: assume not (Deep Linking §4.4.1)
        flag(s.get("accept_multiple"), false),
        flag(s.get("accept_lineitem"), false),
        flag(s.get("auto_create"), false),
        text(s.get("title")),
        text(s.get("text")),
        text(s.get("data"))));
  }

  private static Optional<LtiLaunch.GradeService> gradeService(JWTClaimsSet claims) throws LtiException {
    Optional<Map<String, Object>> ags = object(claims, LtiClaim.AGS_ENDPOINT);
    if (ags.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> a = ags.get();
    return Optional.of(new LtiLaunch.GradeService(
        stringList(a.get("scope"), "scope"), text(a.get("lineitems")), text(a.get("lineitem"))));
  }

  private static Map<String, String> custom(JWTClaimsSet claims) throws LtiException {
    Map<String, String> custom = new HashMap<>();
    object(claims, LtiClaim.CUSTOM).ifPresent(c -> c.forEach((k, v) -> {
      if (v != null) {
        custom.put(k, String.valueOf(v));
      }
    }));
    return custom;
  }

  private static Optional<String> displayName(JWTClaimsSet claims) {
    Optional<String> name = string(claims, "name");
    if (name.isPresent()) {
      return name;
    }
    String given = string(claims, "given_name").orElse("");
    String family = string(claims, "family_name").orElse("");
    String joined = (given + " " + family).trim();
    return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
  }

  private static Optional<String> string(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static Optional<Map<String, Object>> object(JWTClaimsSet claims, String name) throws LtiException {
    Object value = claims.getClaim(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Map)) {
      throw invalid(name, "a JSON object");
    }
    return Optional.of((Map<String, Object>) value);
  }

  private static Optional<String> text(Object value) {
    if (value instanceof String s && !s.isBlank()) {
      return Optional.of(s);
    }
    if (value instanceof Number n) {
      return Optional.of(n.toString());
    }
    return Optional.empty();
  }

  private static List<String> stringList(Object value, String name) throws LtiException {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
      throw invalid(name, "an array of strings");
    }
    return list.stream().map(String.class::cast).toList();
  }

  private static boolean flag(Object value, boolean absent) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s) {
      return Boolean.parseBoolean(s);
    }
    return absent;
  }

  private static LtiException invalid(String claim, String expected) {
    return new LtiException(LtiFailure.CLAIM_INVALID, "The claim '" + claim + "' must be " + expected + ".");
  }
}
