package eu.somework.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and checks the LTI claims of a signed, verified id_token (LTI Core §5.3 and §5.4, Deep
 * Linking §4.4, Submission Review Service §2). Every claim and every field the tool reads is
 * type-checked: a value of the wrong JSON type is refused with {@link LtiFailure#CLAIM_INVALID}
 * naming the claim (a 400), never an unchecked exception. JSON {@code null} counts as absent.
 */
final class LaunchClaimsReader {
  /** LTI Core §5.3.6: sub is at most 255 ASCII characters. */
  static final int MAX_SUBJECT_CHARS = 255;

  LtiLaunch read(JWTClaimsSet claims, PlatformRegistration registration, String expectedTargetLinkUri)
      throws LtiException {
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
    Optional<String> subject = subject(claims);
    List<String> roles = roles(claims);
    Optional<LtiLaunch.ResourceLink> link = resourceLink(claims);
    if (type == MessageType.RESOURCE_LINK && link.isEmpty()) {
      throw new LtiException(
          LtiFailure.RESOURCE_LINK_MISSING, "The resource link launch has no resource_link id.");
    }
    // LTI Submission Review Service 1.0 §2: the review is of a placement's line item; the tool
    // finds what to show through the resource link, as in a resource link launch
    if (type == MessageType.SUBMISSION_REVIEW && link.isEmpty()) {
      throw new LtiException(
          LtiFailure.RESOURCE_LINK_MISSING, "The submission review request has no resource_link id.");
    }
    Optional<LtiLaunch.ForUser> forUser =
        type == MessageType.SUBMISSION_REVIEW ? Optional.of(forUser(claims)) : Optional.empty();
    Optional<LtiLaunch.GradeService> gradeService = gradeService(claims);
    // LTI Submission Review Service 1.0 §2: the AGS endpoint claim with the line item is REQUIRED
    if (type == MessageType.SUBMISSION_REVIEW && gradeService.flatMap(LtiLaunch.GradeService::lineItem).isEmpty()) {
      throw new LtiException(
          LtiFailure.REVIEW_LINE_ITEM_MISSING,
          "The submission review request has no line item (the AGS endpoint claim's lineitem).");
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
    // LTI Core §5.3.6 and Security Framework §5.1.1.1: the id_token's target_link_uri is the one
    // the login initiation named; another value means the token was made for another launch
    if (!targetLinkUri.isEmpty() && !targetLinkUri.equals(expectedTargetLinkUri)) {
      throw new LtiException(
          LtiFailure.TARGET_LINK_MISMATCH,
          "The id_token's target_link_uri is not the one the login request named.");
    }
    Optional<Map<String, Object>> presentation = object(claims, LtiClaim.LAUNCH_PRESENTATION);
    Optional<String> locale = field(presentation, LtiClaim.LAUNCH_PRESENTATION, "locale");
    Optional<String> returnUrl = field(presentation, LtiClaim.LAUNCH_PRESENTATION, "return_url");
    Optional<String> membershipsUrl =
        field(object(claims, LtiClaim.NRPS), LtiClaim.NRPS, "context_memberships_url");
    return new LtiLaunch(
        registration.issuer(),
        registration.clientId(),
        deploymentId,
        subject,
        type,
        roles,
        LaunchRole.fromLti(roles),
        context(claims),
        link,
        locale,
        displayName(claims),
        custom(claims),
        deepLinking,
        gradeService,
        membershipsUrl,
        returnUrl,
        targetLinkUri,
        forUser);
  }

  /**
   * LTI Core §5.3.6: an anonymous launch omits sub; when present it is the user's id, so an empty
   * or blank one is not "nobody" but an invalid launch.
   */
  private static Optional<String> subject(JWTClaimsSet claims) throws LtiException {
    Object value = claims.getClaim("sub");
    if (value == null) {
      return Optional.empty();
    }
    String sub = value instanceof Number n ? n.toString() : value instanceof String s ? s : null;
    if (sub == null || sub.isBlank()) {
      throw new LtiException(
          LtiFailure.SUBJECT_INVALID,
          "The launch's user id (sub) is empty or not a string; an anonymous launch omits sub.");
    }
    if (sub.length() > MAX_SUBJECT_CHARS) {
      throw new LtiException(
          LtiFailure.SUBJECT_INVALID,
          "The launch's user id (sub) is longer than " + MAX_SUBJECT_CHARS + " characters.");
    }
    return Optional.of(sub);
  }

  /**
   * LTI Submission Review Service 1.0 §2: {@code for_user} is REQUIRED in a submission review
   * request, and its {@code user_id} is REQUIRED; person fields and roles are optional. The user id
   * is held to the rules of {@code sub} (a non-blank string of at most 255 characters).
   */
  private static LtiLaunch.ForUser forUser(JWTClaimsSet claims) throws LtiException {
    Object value = claims.getClaim(LtiClaim.FOR_USER);
    if (value == null) {
      throw new LtiException(LtiFailure.FOR_USER_INVALID, "The submission review request has no for_user claim.");
    }
    if (!(value instanceof Map<?, ?>)) {
      throw new LtiException(LtiFailure.FOR_USER_INVALID, "The for_user claim must be a JSON object.");
    }
    Optional<Map<String, Object>> object = object(claims, LtiClaim.FOR_USER);
    Object userId = object.get().get("user_id");
    if (userId == null) {
      throw new LtiException(LtiFailure.FOR_USER_INVALID, "The for_user claim has no user_id.");
    }
    if (!(userId instanceof String id) || id.isBlank()) {
      throw new LtiException(LtiFailure.FOR_USER_INVALID, "The for_user user_id must be a non-empty string.");
    }
    if (id.length() > MAX_SUBJECT_CHARS) {
      throw new LtiException(
          LtiFailure.FOR_USER_INVALID, "The for_user user_id is longer than " + MAX_SUBJECT_CHARS + " characters.");
    }
    String claim = LtiClaim.FOR_USER;
    return new LtiLaunch.ForUser(id,
        field(object, claim, "person_sourcedid"),
        field(object, claim, "given_name"),
        field(object, claim, "family_name"),
        field(object, claim, "name"),
        field(object, claim, "email"),
        stringList(object.get().get("roles"), claim + " roles"));
  }

  private static List<String> roles(JWTClaimsSet claims) throws LtiException {
    if (claims.getClaim(LtiClaim.ROLES) == null) {
      throw new LtiException(LtiFailure.CLAIM_INVALID, "The launch has no roles claim.");
    }
    return stringList(claims.getClaim(LtiClaim.ROLES), LtiClaim.ROLES);
  }

  private static Optional<LtiLaunch.ResourceLink> resourceLink(JWTClaimsSet claims) throws LtiException {
    Optional<Map<String, Object>> link = object(claims, LtiClaim.RESOURCE_LINK);
    Optional<String> id = field(link, LtiClaim.RESOURCE_LINK, "id");
    Optional<String> title = field(link, LtiClaim.RESOURCE_LINK, "title");
    return id.map(i -> new LtiLaunch.ResourceLink(i, title));
  }

  private static Optional<LtiLaunch.Context> context(JWTClaimsSet claims) throws LtiException {
    Optional<Map<String, Object>> context = object(claims, LtiClaim.CONTEXT);
    if (context.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> id = field(context, LtiClaim.CONTEXT, "id");
    if (id.isEmpty()) {
      throw new LtiException(LtiFailure.CLAIM_INVALID, "The context claim has no id.");
    }
    return Optional.of(new LtiLaunch.Context(
        id.get(), field(context, LtiClaim.CONTEXT, "label"), field(context, LtiClaim.CONTEXT, "title")));
  }

  private static Optional<DeepLinkingSettings> deepLinking(JWTClaimsSet claims) throws LtiException {
    Optional<Map<String, Object>> settings = object(claims, LtiClaim.DEEP_LINKING_SETTINGS);
    if (settings.isEmpty()) {
      return Optional.empty();
    }
    String claim = LtiClaim.DEEP_LINKING_SETTINGS;
    Map<String, Object> s = settings.get();
    Optional<String> returnUrl = field(settings, claim, "deep_link_return_url");
    if (returnUrl.isEmpty()) {
      throw new LtiException(
          LtiFailure.DEEP_LINK_RETURN_URL_MISSING,
          "The deep linking request has no deep_link_return_url.");
    }
    URI url;
    try {
      url = new URI(returnUrl.get());
    } catch (java.net.URISyntaxException e) {
      throw invalid(claim + " deep_link_return_url", "a URL");
    }
    if (!url.isAbsolute()) {
      throw invalid(claim + " deep_link_return_url", "an absolute URL");
    }
    return Optional.of(new DeepLinkingSettings(
        url,
        stringList(s.get("accept_types"), "accept_types"),
        stringList(s.get("accept_presentation_document_targets"), "accept_presentation_document_targets"),
        // absent means the platform did not say it accepts them: assume not (Deep Linking §4.4.1)
        flag(s.get("accept_multiple"), "accept_multiple"),
        flag(s.get("accept_lineitem"), "accept_lineitem"),
        flag(s.get("auto_create"), "auto_create"),
        field(settings, claim, "title"),
        field(settings, claim, "text"),
        field(settings, claim, "data")));
  }

  private static Optional<LtiLaunch.GradeService> gradeService(JWTClaimsSet claims) throws LtiException {
    Optional<Map<String, Object>> ags = object(claims, LtiClaim.AGS_ENDPOINT);
    if (ags.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new LtiLaunch.GradeService(
        stringList(ags.get().get("scope"), "scope"),
        field(ags, LtiClaim.AGS_ENDPOINT, "lineitems"),
        field(ags, LtiClaim.AGS_ENDPOINT, "lineitem")));
  }

  /** LTI Core §5.4.3: custom values are strings; numbers and booleans are taken as their text. */
  private static Map<String, String> custom(JWTClaimsSet claims) throws LtiException {
    Map<String, String> custom = new HashMap<>();
    Optional<Map<String, Object>> object = object(claims, LtiClaim.CUSTOM);
    if (object.isEmpty()) {
      return custom;
    }
    for (Map.Entry<String, Object> entry : object.get().entrySet()) {
      Object v = entry.getValue();
      if (v instanceof String || v instanceof Number || v instanceof Boolean) {
        custom.put(entry.getKey(), String.valueOf(v));
      } else if (v != null) {
        throw invalid(LtiClaim.CUSTOM + " " + entry.getKey(), "a string");
      }
    }
    return custom;
  }

  private static Optional<String> displayName(JWTClaimsSet claims) throws LtiException {
    Optional<String> name = string(claims, "name");
    Optional<String> given = string(claims, "given_name");
    Optional<String> family = string(claims, "family_name");
    if (name.isPresent()) {
      return name;
    }
    String joined = (given.orElse("") + " " + family.orElse("")).trim();
    return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
  }

  /** A top-level string claim: absent, null or blank is empty; any other JSON type is refused. */
  private static Optional<String> string(JWTClaimsSet claims, String name) throws LtiException {
    Object value = claims.getClaim(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String s)) {
      throw invalid(name, "a string");
    }
    return s.isBlank() ? Optional.empty() : Optional.of(s);
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

  /**
   * A text field of an object claim: a string, or a number taken as its text (some platforms send
   * numeric ids). Absent, null or blank is empty; a boolean, object or array is refused.
   */
  private static Optional<String> field(Optional<Map<String, Object>> object, String claim, String field)
      throws LtiException {
    Object value = object.map(o -> o.get(field)).orElse(null);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Number n) {
      return Optional.of(n.toString());
    }
    if (!(value instanceof String s)) {
      throw invalid(claim + " " + field, "a string");
    }
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  private static List<String> stringList(Object value, String name) throws LtiException {
    if (value == null) {
      return List.of();
    }
    // a null or a number inside the array is as wrong as a string in place of the array
    if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
      throw invalid(name, "an array of strings");
    }
    return list.stream().map(String.class::cast).toList();
  }

  /** Deep Linking §4.4.1 booleans; absent means false. "true"/"false" strings are tolerated. */
  private static boolean flag(Object value, String name) throws LtiException {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw invalid(name, "true or false");
  }

  private static LtiException invalid(String claim, String expected) {
    return new LtiException(LtiFailure.CLAIM_INVALID, "The claim '" + claim + "' must be " + expected + ".");
  }
}
